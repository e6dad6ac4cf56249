package be.caisse.benefits.charter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.benefits.domain.AppealMentions;
import be.caisse.benefits.domain.LabourCourts;
import be.caisse.common.i18n.Text;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benefits commitments of the charter (issue 13 §1) against claims built by hand in 1997, a year no other test
 * touches: decisions within 4 months of the request or fact plus the days suspended (Charter of the socially insured
 * art. 10-11), payments within 4 months of the notification (art. 12), interest paid (art. 20), rights granted on the
 * fund's initiative, refusals with every art. 14 mention (must be 100 %).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
@TestSecurity(user = "agent", roles = "agent")
class BenefitsCharterTest {
    static final UUID GRANTED = UUID.fromString("00000000-0000-0000-0000-000000001997");
    static final UUID REFUSED_IN_TIME = UUID.fromString("00000000-0000-0000-0000-000000011997");
    static final UUID REFUSED_LATE = UUID.fromString("00000000-0000-0000-0000-000000021997");
    static final LabourCourts COURTS = LabourCourts.parse(new InputStreamReader(
            BenefitsCharterTest.class.getResourceAsStream("/courts/labour-courts.csv"), StandardCharsets.UTF_8));

    @Inject
    EntityManager em;

    void sql(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        q.executeUpdate();
    }

    static String mentions(String postalCode, LocalDate notified, String reference) {
        return AppealMentions.of(COURTS, postalCode, "fr", notified, reference, "Caisse").texts().stream().map(Text::encode)
                .collect(Collectors.joining("\n"));
    }

    @BeforeEach
    void claimsOf1997() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<UUID> all = List.of(GRANTED, REFUSED_IN_TIME, REFUSED_LATE);
            for (String t : List.of("benefit_payment", "claim_decision")) {
                em.createNativeQuery("DELETE FROM " + t + " WHERE claim_id IN (:all)").setParameter("all", all).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM claim WHERE id IN (:all)").setParameter("all", all).executeUpdate();
            String claim = "INSERT INTO claim (id, reference, niss, type, status, origin, fact_date, filed_on, clock_start, days_suspended, "
                    + "details, created_by, created_at, updated_at, decided_by, decided_at, notified_on) VALUES (?1, ?2, '97010100113', "
                    + "'BRIDGING_RIGHT', 'DECIDED', ?3, CAST(?4 AS date), CAST(?4 AS date), CAST(?4 AS date), ?5, '{}', 'fixture', now(), now(), "
                    + "'fixture', CAST(?6 AS timestamptz), CAST(?7 AS date))";
            // proposed by the fund on 10 January, decided on 9 May: in time (due 10 May)
            sql(claim, GRANTED, "CH97-1", "FUND", "1997-01-10", 0, "1997-05-09T10:00:00Z", "1997-05-09");
            // filed on 5 January, 30 days waiting for the member's answer, decided on 1 June: in time (due 4 June)
            sql(claim, REFUSED_IN_TIME, "CH97-2", "MEMBER", "1997-01-05", 30, "1997-06-01T10:00:00Z", "1997-06-01");
            // filed on 2 January, decided on 1 June: late (due 2 May)
            sql(claim, REFUSED_LATE, "CH97-3", "MEMBER", "1997-01-02", 0, "1997-06-01T10:00:00Z", "1997-06-01");
            String decision = "INSERT INTO claim_decision (claim_id, outcome, total, units, facts, amounts, parameters, payments, motivation, "
                    + "mentions, appeal_by, computed_at) VALUES (?1, ?2, 0, 0, '{}', '[]', '{}', '[]', 'fixture', ?3, CAST(?4 AS date), now())";
            sql(decision, GRANTED, "GRANTED", mentions("1000", LocalDate.of(1997, 5, 9), "CH97-1"), "1997-08-09");
            sql(decision, REFUSED_IN_TIME, "REFUSED", mentions("1000", LocalDate.of(1997, 6, 1), "CH97-2"), "1997-09-01");
            // no postal code: no competent court named, a mention missing
            sql(decision, REFUSED_LATE, "REFUSED", mentions(null, LocalDate.of(1997, 6, 1), "CH97-3"), "1997-09-01");
            String payment = "INSERT INTO benefit_payment (id, claim_id, niss, period, due_date, amount, interest, status, executed_on, created_at) "
                    + "VALUES (?1, ?2, '97010100113', ?3, CAST(?4 AS date), 1704.45, CAST(?5 AS numeric), 'EXECUTED', CAST(?6 AS date), now())";
            // notified on 9 May: paid by 9 September in time; the second, paid on 1 October, late with interest
            sql(payment, UUID.randomUUID(), GRANTED, "1997-05", "1997-05-31", "0", "1997-06-05");
            sql(payment, UUID.randomUUID(), GRANTED, "1997-06", "1997-06-30", "3.21", "1997-10-01");
        });
    }

    @Test
    void eachBenefitsCommitmentIsMeasuredFromTheClaims() {
        JsonPath figures = given().queryParam("from", "1997-01-01").queryParam("to", "1997-12-31").get("/benefits/charter")
                .then().statusCode(200).extract().jsonPath();
        String f = "figures.find { it.key == '%s' }.";
        assertEquals(3, figures.getInt(f.formatted("decisions-within-4-months") + "basis"));
        assertEquals(66.6f, figures.getFloat(f.formatted("decisions-within-4-months") + "value")); // 2 of 3, rounded down
        assertEquals("BREACHED", figures.getString(f.formatted("decisions-within-4-months") + "status")); // under 90 %
        assertEquals(30f, figures.getFloat(f.formatted("days-suspended") + "value"));
        assertEquals(50.0f, figures.getFloat(f.formatted("payments-within-4-months") + "value"));
        assertEquals(1f, figures.getFloat(f.formatted("late-interest-payments") + "value"));
        assertEquals(3.21f, figures.getFloat(f.formatted("late-interest-paid") + "value"));
        assertEquals(100.0f, figures.getFloat(f.formatted("rights-granted-automatically") + "value")); // the one granted was proposed
        assertEquals(2, figures.getInt(f.formatted("refusals-with-all-mentions") + "basis"));
        assertEquals(50.0f, figures.getFloat(f.formatted("refusals-with-all-mentions") + "value"));
        assertEquals(List.of("refusals-with-all-mentions"), figures.getList("breaches"));
    }
}
