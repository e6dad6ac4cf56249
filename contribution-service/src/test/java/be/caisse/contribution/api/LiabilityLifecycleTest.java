package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.RefundEntity;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The affiliation life cycle on the contributor account: a category change bills the new category from its
 * effective quarter; after a cessation nothing is billed, and a notice already issued for a later quarter is
 * cancelled and what was paid on it refunded (REFERENCE.md §1.2: liable until the end of the quarter).
 */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class LiabilityLifecycleTest {
    static final String CHANGING = "72030320277";
    static final String NEVER_STARTED = "72030330373";

    static void send(String type, String niss, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", niss, data, Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "be.caisse.affiliation." + type + ".v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service", "content-type", "application/json"));
    }

    static void ceased(String niss, String liableUntil) {
        send("ceased", niss, """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","date":"%s","reason":"VOLUNTARY","liableUntil":"%s"}
                """.formatted(UUID.randomUUID(), niss, liableUntil, liableUntil));
    }

    @jakarta.inject.Inject
    be.caisse.common.time.CaisseClock clock;

    @org.junit.jupiter.api.BeforeEach
    void pinTheDate() {
        clock.setToday(java.time.LocalDate.of(2026, 12, 1));
    }

    @Test
    void theCategoryChangesFromItsQuarterAndNothingIsBilledAfterTheCessation() {
        send("registered", CHANGING, AccountFlowTest.registered(CHANGING, "PRINCIPAL", "2026-01-01"));
        send("category-changed", CHANGING, """
                {"affiliationId":"%s","previousAffiliationId":"%s","niss":"%s","fromCategory":"PRINCIPAL","toCategory":"COMPLEMENTARY",
                 "eventDate":"2026-06-15","effectiveDate":"2026-07-01"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), CHANGING));
        ceased(CHANGING, "2026-09-30");
        String base = "/contributions/accounts/" + CHANGING + "/quarters/";
        // registered in December for January: the four quarters billed at once as principal; the change from July
        // bills Q3 again as complementary; the cessation at the end of September cancels Q4
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(base + "2026-Q4").then().statusCode(200).body("liable", equalTo(false)).body("state", equalTo("CANCELLED")));
        given().get(base + "2026-Q2").then().statusCode(200).body("basis.category", equalTo("PRINCIPAL")).body("state", equalTo("BILLED"))
                .body("legalAmount", equalTo(890.42f)); // 2026 minimum
        given().get(base + "2026-Q3").then().statusCode(200).body("basis.category", equalTo("COMPLEMENTARY")).body("state", equalTo("BILLED"));
        given().get(base + "2027-Q1").then().statusCode(200).body("liable", equalTo(false));
    }

    @Test
    void aNoticeAfterTheEndIsCancelledAndItsPaymentRefunded() {
        send("registered", NEVER_STARTED, AccountFlowTest.registered(NEVER_STARTED, "PRINCIPAL", "2027-01-01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> notice() != null);
        ContributionQuarterEntity notice = notice();
        BigDecimal total = notice.legalAmount.add(notice.fee);
        given().contentType("text/plain").body(CodaFiles.statement(601, notice.structuredCommunication, total))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));

        ceased(NEVER_STARTED, "2026-12-31"); // the activity never started
        await().atMost(Duration.ofSeconds(30)).until(() -> notice().cancelledAt != null);
        given().get("/contributions/accounts/" + NEVER_STARTED + "/quarters/2027-Q1").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("liable", equalTo(false)).body("outstanding", equalTo(0f));
        BigDecimal refunded = QuarkusTransaction.requiringNew().call(() ->
                RefundEntity.<RefundEntity>find("account", NEVER_STARTED).firstResult().amount);
        assertEquals(total, refunded);
        TopicReader.Event cancelled = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.NOTICE_CANCELLED.equals(e.header("ce_type")) && NEVER_STARTED.equals(e.key()));
        EventSchemas.assertValid(cancelled.header("ce_type"), cancelled.value());
    }

    static ContributionQuarterEntity notice() {
        return QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", NEVER_STARTED, "2027-Q1").firstResult());
    }
}
