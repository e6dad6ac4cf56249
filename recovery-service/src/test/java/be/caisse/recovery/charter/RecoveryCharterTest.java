package be.caisse.recovery.charter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.charter.CharterWatch;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recovery commitments of the charter (issue 13 §1) against cases built by hand in 1998, a year no other test
 * touches: « une prise de contact personnalisée avant le tout premier recouvrement judiciaire » and « rappels … mises
 * en demeure » before any contrainte, both must-be-100 %; plans granted and kept.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recovery"))
@QuarkusTestResource(KafkaTestResource.class)
@TestSecurity(user = "agent", roles = "agent")
class RecoveryCharterTest {
    static final UUID CONTACTED = UUID.fromString("00000000-0000-0000-0000-000000001998");
    static final UUID NOT_CONTACTED = UUID.fromString("00000000-0000-0000-0000-000000011998");
    static final UUID TRIED_ONCE = UUID.fromString("00000000-0000-0000-0000-000000021998");
    static final String METRIC = "caisse_charter_recovery_contact_before_first_judicial_step_percent";

    @Inject
    EntityManager em;

    @Inject
    CharterWatch watch;

    @Inject
    CaisseClock clock;

    void sql(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        q.executeUpdate();
    }

    @BeforeEach
    void casesOf1998() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<UUID> all = List.of(CONTACTED, NOT_CONTACTED, TRIED_ONCE);
            for (String t : List.of("case_contact", "case_step", "payment_plan")) {
                em.createNativeQuery("DELETE FROM " + t + " WHERE case_id IN (:all)").setParameter("all", all).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM recovery_case WHERE id IN (:all)").setParameter("all", all).executeUpdate();
            em.createNativeQuery("DELETE FROM charter_breach WHERE detected_on = DATE '1998-12-31'").executeUpdate();
            String kase = "INSERT INTO recovery_case (id, reference, debtor, state, since, opened_on, updated_at) "
                    + "VALUES (?1, ?2, '98010100155', 'CLOSED', DATE '1998-01-01', DATE '1998-01-01', now())";
            sql(kase, CONTACTED, "CH-1998-1");
            sql(kase, NOT_CONTACTED, "CH-1998-2");
            sql(kase, TRIED_ONCE, "CH-1998-3");
            String step = "INSERT INTO case_step (case_id, from_state, to_state, on_date, by_whom, at, letter_status) "
                    + "VALUES (?1, NULL, ?2, CAST(?3 AS date), 'fixture', now(), 'NONE')";
            // reached by phone before the contrainte, after both reminders: kept twice
            sql(step, CONTACTED, "REMINDED", "1998-02-01");
            sql(step, CONTACTED, "LAST_REMINDER", "1998-03-01");
            sql(step, CONTACTED, "CONTRAINTE_ISSUED", "1998-04-15");
            sql(step, CONTACTED, "CONTRAINTE_SERVED", "1998-05-15"); // not a first judicial step
            sql("INSERT INTO case_contact (id, case_id, channel, outcome, on_date, note, by_whom, at) "
                    + "VALUES (?1, ?2, 'PHONE', 'REACHED', DATE '1998-03-20', 'fixture', 'fixture', now())", UUID.randomUUID(), CONTACTED);
            // a summons with no contact at all, and a contrainte with no registered last reminder: the two breaches
            sql(step, NOT_CONTACTED, "REMINDED", "1998-02-01");
            sql(step, NOT_CONTACTED, "LAST_REMINDER", "1998-03-01");
            sql(step, NOT_CONTACTED, "SUMMONED", "1998-05-01");
            // one unanswered letter is not the fund's rule of attempts; the contact came after the step: not counted
            sql(step, TRIED_ONCE, "REMINDED", "1998-02-01");
            sql(step, TRIED_ONCE, "CONTRAINTE_ISSUED", "1998-06-01");
            sql("INSERT INTO case_contact (id, case_id, channel, outcome, on_date, note, by_whom, at) "
                    + "VALUES (?1, ?2, 'LETTER', 'NOT_REACHED', DATE '1998-05-20', 'fixture', 'fixture', now())", UUID.randomUUID(), TRIED_ONCE);
            sql("INSERT INTO case_contact (id, case_id, channel, outcome, on_date, note, by_whom, at) "
                    + "VALUES (?1, ?2, 'PHONE', 'REACHED', DATE '1998-06-02', 'fixture', 'fixture', now())", UUID.randomUUID(), TRIED_ONCE);
            String plan = "INSERT INTO payment_plan (id, case_id, amount, months, first_due_on, status, approver, requested_by, requested_on, "
                    + "decided_by, decided_on, ended_on) VALUES (?1, ?2, 600, 6, DATE '1998-02-01', ?3, 'AGENT', 'fixture', DATE '1998-01-10', "
                    + "'fixture', CAST(?4 AS date), CAST(?5 AS date))";
            sql(plan, UUID.randomUUID(), CONTACTED, "COMPLETED", "1998-01-15", "1998-07-01");
            sql(plan, UUID.randomUUID(), NOT_CONTACTED, "BROKEN", "1998-01-20", "1998-04-01");
            sql(plan, UUID.randomUUID(), TRIED_ONCE, "REJECTED", "1998-01-20", null);
        });
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void eachRecoveryCommitmentIsMeasuredFromTheCases() {
        var figures = given().queryParam("from", "1998-01-01").queryParam("to", "1998-12-31").get("/recovery/charter")
                .then().statusCode(200)
                .body("service", equalTo("recovery"))
                .body("from", equalTo("1998-01-01"))
                .body("breaches", hasItem("contact-before-first-judicial-step"))
                .body("breaches", hasItem("reminders-before-contrainte"))
                .extract().jsonPath();
        String f = "figures.find { it.key == '%s' }.";
        // three first judicial steps (a contrainte, a summons, a contrainte), one preceded by a contact that counts
        assertEquals(3, figures.getInt(f.formatted("contact-before-first-judicial-step") + "basis"));
        assertEquals(33.3f, figures.getFloat(f.formatted("contact-before-first-judicial-step") + "value"));
        assertEquals("BREACHED", figures.getString(f.formatted("contact-before-first-judicial-step") + "status"));
        assertEquals(METRIC, figures.getString(f.formatted("contact-before-first-judicial-step") + "metric"));
        assertTrue(figures.getBoolean(f.formatted("contact-before-first-judicial-step") + "mustBeFull"));
        // two contraintes, one without the registered last reminder of art. 46
        assertEquals(2, figures.getInt(f.formatted("reminders-before-contrainte") + "basis"));
        assertEquals(50.0f, figures.getFloat(f.formatted("reminders-before-contrainte") + "value"));
        assertEquals(3f, figures.getFloat(f.formatted("reminders-sent") + "value"));
        assertEquals(2f, figures.getFloat(f.formatted("registered-reminders-sent") + "value"));
        assertEquals(2f, figures.getFloat(f.formatted("plans-granted") + "value"));
        assertEquals(50.0f, figures.getFloat(f.formatted("plans-kept") + "value"));
        assertEquals("BREACHED", figures.getString(f.formatted("plans-kept") + "status")); // under the 90 % target

        // a period that holds only the kept contrainte (and the plan broken on 1 April)
        given().queryParam("from", "1998-04-01").queryParam("to", "1998-04-30").get("/recovery/charter")
                .then().statusCode(200)
                .body("figures.find { it.key == 'contact-before-first-judicial-step' }.value", equalTo(100.0f))
                .body("figures.find { it.key == 'contact-before-first-judicial-step' }.status", equalTo("KEPT"))
                .body("figures.find { it.key == 'plans-kept' }.value", equalTo(0.0f))
                .body("figures.find { it.key == 'plans-granted' }.value", equalTo(0.0f));
    }

    @Test
    void aBreachIsAGaugeAWarningAndOneEventADay() {
        clock.setToday(LocalDate.of(1998, 12, 31));
        watch.refresh();
        watch.refresh(); // a second refresh the same day tells nothing new
        long told = ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT event_type, aggregate_id, occurred_at FROM outbox_event "
                + "UNION ALL SELECT event_type, aggregate_id, occurred_at FROM outbox_published) e WHERE e.event_type = ?1 AND e.aggregate_id = ?2 "
                + "AND CAST(e.occurred_at AT TIME ZONE 'Europe/Brussels' AS DATE) = DATE '1998-12-31'")
                .setParameter(1, CharterWatch.BREACH_DETECTED).setParameter(2, METRIC).getSingleResult()).longValue();
        assertEquals(1, told);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(METRIC + "{service=\"recovery\"} 33.3"));
    }

    @Test
    void aPeriodIsCheckedLikeEveryInput() {
        given().queryParam("from", "1998-12-31").queryParam("to", "1998-01-01").header("Accept-Language", "nl").get("/recovery/charter")
                .then().statusCode(400).body("errors.find { it.field == 'to' }.code", equalTo("period-invalid"));
        given().queryParam("from", "1990-01-01").queryParam("to", "2001-01-02").get("/recovery/charter")
                .then().statusCode(400).body("errors.find { it.field == 'to' }.code", equalTo("period-too-long"));
        given().queryParam("from", "999999999-01-01").queryParam("to", "9999-12-31").get("/recovery/charter")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("from", "to"));
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    void aMemberDoesNotSeeTheFundsFigures() {
        given().get("/recovery/charter").then().statusCode(403);
    }
}
