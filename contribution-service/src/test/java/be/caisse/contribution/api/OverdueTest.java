package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorOrAnAdminRunsTheCheck() {
        given().post("/contributions/admin/overdue-check").then().statusCode(403);
    }
}
