package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Affiliation event in → account and first quarter out, once, whatever the redeliveries. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "contribution"))
@QuarkusTestResource(KafkaTestResource.class)
class AccountFlowTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    @Inject
    be.caisse.common.time.CaisseClock clock;

    @org.junit.jupiter.api.BeforeEach
    void pinTheDate() {
        clock.setToday(java.time.LocalDate.of(2026, 12, 1));
    }

    static String registered(String niss, String category, String liableFrom) {
        return """
                {"affiliationId":"%s","niss":"%s","firstName":"A","lastName":"B","category":"%s",
                 "startDate":"%s","liableFrom":"%s","lateRegistration":false,"registeredAt":"2026-11-26T10:00:00+01:00"}
                """.formatted(UUID.randomUUID(), niss, category, liableFrom, liableFrom);
    }

    static void send(String eventId, String key, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", key, data, Map.of(
                "ce_id", eventId, "ce_type", "be.caisse.affiliation.registered.v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service", "content-type", "application/json"));
    }

    long outboxRows(String niss) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_history WHERE aggregate_id = :n AND topic = 'caisse.contribution.events'")
                .setParameter("n", niss).getSingleResult()).longValue());
    }

    /** Career quarters told to INASTI more than once (at the opening each quarter has one status to tell). */
    long careerRepeats(String niss) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) - count(DISTINCT subject) FROM outbox_history WHERE aggregate_id = :n "
                        + "AND topic = 'caisse.authority.inasti.events'")
                .setParameter("n", niss).getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void registrationOpensTheAccountOnceWithTheFirstQuarter() {
        String niss = "93022800159";
        String eventId = UUID.randomUUID().toString();
        String data = registered(niss, "PRINCIPAL", "2026-10-01");
        send(eventId, niss, data);
        send(eventId, niss, data); // redelivery: same event id
        // A marker on the same key (same partition, so consumed after the redelivery) tells when both were handled.
        String marker = "85271412472";
        send(UUID.randomUUID().toString(), niss, registered(marker, "COMPLEMENTARY", "2024-01-01"));
        // a start in 2024 registered in December 2026: every quarter since is billed at once (§4 of the issue)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/contributions/accounts/" + marker + "/quarters").then().statusCode(200)
                        .body("totalItems", equalTo(12))
                        .body("items.find { it.quarter == '2024-Q1' }.legalAmount", equalTo(95.60f)));   // 2024 complementary starter (§2.6)

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/contributions/accounts/" + niss).then().statusCode(200));
        given().get("/contributions/accounts/" + niss).then()
                .body("category", equalTo("PRINCIPAL"))
                .body("outstanding", equalTo(926.48f));
        given().get("/contributions/accounts/" + niss + "/quarters").then()
                .body("items", hasSize(1))
                .body("items[0].quarter", equalTo("2026-Q4"))
                .body("items[0].state", equalTo("BILLED"))
                .body("items[0].dueDate", equalTo("2026-12-31"))
                .body("items[0].legalAmount", equalTo(890.42f))   // 2026 principal minimum (§2.3)
                .body("items[0].fee", equalTo(36.06f))            // 4.05 % management fee
                .body("items[0].total", equalTo(926.48f))
                .body("items[0].structuredCommunication", matchesPattern("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+"));
        given().get("/contributions/accounts/" + niss + "/quarters/2026-Q4").then()
                .body("basis.parameterYear", equalTo(2026))
                .body("basis.incomeSource", equalTo("STARTER_MINIMUM_BASE"));
        String communication = given().get("/contributions/accounts/" + niss + "/quarters").then().extract().path("items[0].structuredCommunication");
        StructuredCommunication.parse(communication); // valid mod-97 check digits

        TopicReader.Event opened = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> niss.equals(e.key()) && ContributionEvents.ACCOUNT_OPENED.equals(e.header("ce_type")));
        EventSchemas.assertValid(opened.header("ce_type"), opened.value());
        TopicReader.Event issued = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> niss.equals(e.key()) && ContributionEvents.NOTICE_ISSUED.equals(e.header("ce_type")));
        EventSchemas.assertValid(issued.header("ce_type"), issued.value());
        // The second delivery had no effect: one notice and one account-opened event in the outbox, one processed-event row.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(1L, processed(eventId)));
        assertEquals(2L, outboxRows(niss));
        assertEquals(0L, careerRepeats(niss), "each career quarter told once");
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        String badId = UUID.randomUUID().toString();
        send(badId, "x", "{this is not json");
        TopicReader.Event dead = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(),
                "caisse.contribution-service.dlq", Duration.ofSeconds(30), e -> badId.equals(e.header("ce_id")));
        assertEquals("{this is not json", dead.value());

        String niss = "00010100204";
        send(UUID.randomUUID().toString(), niss, registered(niss, "STUDENT", "2025-07-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/contributions/accounts/" + niss + "/quarters").then().statusCode(200)
                        .body("items.find { it.quarter == '2025-Q3' }.legalAmount", equalTo(96.44f)));
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "72020200308"))
    void anAffiliateSeesOnlyTheirOwnAccount() {
        given().get("/contributions/accounts/85071412330").then().statusCode(403).contentType(PROBLEM);
        // no other test opens this account: their own, not open yet
        given().get("/contributions/accounts/72020200308").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void badNissIsABadRequest() {
        given().get("/contributions/accounts/85071412331").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("niss"));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/contributions/accounts/85071412330").then().statusCode(401).contentType(PROBLEM);
    }
}
