package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A quarter unpaid after its due date is reported overdue once; a paid one never (REFERENCE.md §2.8). */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class OverdueTest {
    static final String UNPAID = "70010101871";
    static final String PAID = "70010101970";

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    ContributionQuarterEntity notice(String niss) {
        return QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", niss, "2026-Q4").firstResult());
    }

    long overdueEvents(String niss) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_history WHERE event_type = :t AND aggregate_id = :n")
                .setParameter("t", ContributionEvents.OVERDUE).setParameter("n", niss).getSingleResult()).longValue());
    }

    @Test
    void anUnpaidQuarterIsReportedOnceAfterItsDueDate() {
        for (String niss : new String[]{UNPAID, PAID}) {
            QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss,
                    ContributorCategory.PRINCIPAL, LocalDate.of(2026, 10, 1), false)));
        }
        ContributionQuarterEntity paid = notice(PAID);
        given().contentType("text/plain").body(CodaFiles.statement(888, paid.structuredCommunication, paid.legalAmount.add(paid.fee)))
                .post("/contributions/payments/statements/coda").then().statusCode(201);
        try {
            given().contentType("application/json").body("{\"today\":\"2026-12-31\"}").put("/contributions/admin/clock").then().statusCode(200);
            given().post("/contributions/admin/overdue-check").then().statusCode(200);
            assertNull(notice(UNPAID).overdueAt, "on the due date itself the quarter is not overdue yet");

            given().contentType("application/json").body("{\"today\":\"2027-01-02\"}").put("/contributions/admin/clock").then().statusCode(200);
            given().post("/contributions/admin/overdue-check").then().statusCode(200);
            assertNotNull(notice(UNPAID).overdueAt);
            assertNull(notice(PAID).overdueAt, "a paid quarter is never overdue");
            given().post("/contributions/admin/overdue-check").then().statusCode(200);
            assertEquals(1L, overdueEvents(UNPAID), "reported once");
            assertEquals(0L, overdueEvents(PAID));
        } finally {
            given().delete("/contributions/admin/clock").then().statusCode(200);
        }
        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.OVERDUE.equals(e.header("ce_type")) && UNPAID.equals(e.key()));
        EventSchemas.assertValid(event.header("ce_type"), event.value());
    }

    @Inject
    be.caisse.contribution.application.Ledger ledger;

    static final String STARTER = be.caisse.testsupport.Nisses.of(LocalDate.of(1996, 6, 6), 88);

    long events(String type, String niss) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_history WHERE event_type = :t AND aggregate_id = :n")
                .setParameter("t", type).setParameter("n", niss).getSingleResult()).longValue());
    }

    void check(String today) {
        given().contentType("application/json").body("{\"today\":\"" + today + "\"}").put("/contributions/admin/clock").then().statusCode(200);
        given().post("/contributions/admin/overdue-check").then().statusCode(200);
    }

    /**
     * A regularisation supplement falling due on a quarter already overdue reports it again with its whole
     * outstanding (recovery's debt stays equal to the account); the quarter is a starter's (activity from
     * 1 October 2026: REFERENCE.md §2.5), so the event names the start year, whose supplement prescribes on 1 January
     * of the 8th year after it (§5.1). A starter on the minimum base is not reducible (§2.7).
     */
    @Test
    void aSupplementFallingDueOnAnOverdueQuarterReportsItAgainWithTheStartYear() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), STARTER,
                ContributorCategory.PRINCIPAL, LocalDate.of(2026, 10, 1), false)));
        ContributionQuarterEntity q = notice(STARTER);
        java.math.BigDecimal called = q.legalAmount.add(q.fee);
        try {
            check("2027-01-02");
            assertEquals(1L, events(ContributionEvents.OVERDUE, STARTER));
            QuarkusTransaction.requiringNew().run(() -> ledger.book(STARTER, "2026-Q4", be.caisse.contribution.domain.LedgerKind.REGULARISATION,
                    be.caisse.contribution.domain.LedgerComponent.PRINCIPAL, new java.math.BigDecimal("412.50"), LocalDate.of(2027, 3, 31),
                    LocalDate.of(2027, 1, 10), null, null, be.caisse.common.i18n.Text.of("note.regularisation.supplement",
                            new java.math.BigDecimal("412.50"), LocalDate.of(2027, 3, 31))));
            check("2027-03-31");
            assertEquals(1L, events(ContributionEvents.OVERDUE, STARTER), "the supplement is not due yet");
            check("2027-04-01");
            assertEquals(2L, events(ContributionEvents.OVERDUE, STARTER), "reported again once the supplement fell due");
            check("2027-04-02");
            assertEquals(2L, events(ContributionEvents.OVERDUE, STARTER), "and not a third time");
        } finally {
            given().delete("/contributions/admin/clock").then().statusCode(200);
        }
        java.util.List<TopicReader.Event> seen = new java.util.ArrayList<>();
        TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC, Duration.ofSeconds(30), e -> {
            if (ContributionEvents.OVERDUE.equals(e.header("ce_type")) && STARTER.equals(e.key())) {
                seen.add(e);
            }
            return seen.size() == 2;
        });
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode first = json.readTree(seen.get(0).value());
        com.fasterxml.jackson.databind.JsonNode again = json.readTree(seen.get(1).value());
        EventSchemas.assertValid(ContributionEvents.OVERDUE, seen.get(1).value());
        assertEquals(called.doubleValue(), first.path("outstanding").asDouble(), 0.0001);
        assertTrue(first.path("startYear").isNull() || first.path("startYear").isMissingNode(), "no supplement yet");
        assertEquals(false, first.path("reducible").asBoolean(), "a starter on the minimum base has nothing to reduce");
        assertEquals(called.add(new java.math.BigDecimal("412.50")).doubleValue(), again.path("outstanding").asDouble(), 0.0001);
        assertEquals(2026, again.path("startYear").asInt());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorOrAnAdminRunsTheCheck() {
        given().post("/contributions/admin/overdue-check").then().statusCode(403);
    }
}
