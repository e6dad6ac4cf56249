package be.caisse.benefits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** benefits-service consumes affiliation events idempotently into its own table, and parks unreadable ones. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
class AffiliationEventsTest {

    static void send(String id, String key, String data) {
        send(id, "registered", key, data);
    }

    static void send(String id, String type, String key, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", key, data, Map.of(
                "ce_id", id, "ce_type", "be.caisse.affiliation." + type + ".v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service"));
    }

    /** A wrong cessation corrected: the projection follows the timeline the correction publishes. */
    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void aCorrectionReplacesWhatWasKnown() {
        String niss = "85071412330";
        String affiliationId = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), niss, "{\"affiliationId\":\"" + affiliationId + "\",\"niss\":\"" + niss
                + "\",\"category\":\"PRINCIPAL\",\"liableFrom\":\"2024-01-01\",\"startDate\":\"2024-01-02\"}");
        send(UUID.randomUUID().toString(), "ceased", niss, "{\"affiliationId\":\"" + affiliationId + "\",\"niss\":\"" + niss
                + "\",\"category\":\"PRINCIPAL\",\"date\":\"2026-06-30\",\"reason\":\"BANKRUPTCY\",\"liableUntil\":\"2026-06-30\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + niss).then().statusCode(200).body("status", equalTo("CEASED")));
        send(UUID.randomUUID().toString(), "corrected", niss, """
                {"correctionId":"%s","niss":"%s","transitionId":"%s","transitionType":"CESSATION","action":"CANCEL",
                 "reason":"wrong dossier","correctedBy":"agent","correctedAt":"2026-12-01T10:00:00.000Z",
                 "periods":[{"affiliationId":"%s","category":"PRINCIPAL","startDate":"2024-01-02","liableFrom":"2024-01-01","status":"ACTIVE"}]}
                """.formatted(UUID.randomUUID(), niss, UUID.randomUUID(), affiliationId));
        send(UUID.randomUUID().toString(), "person-registered", niss, "{\"niss\":\"" + niss
                + "\",\"firstName\":\"Léa\",\"lastName\":\"Dubois\",\"language\":\"nl\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + niss).then().statusCode(200)
                        .body("status", equalTo("ACTIVE"))
                        .body("liableFrom", equalTo("2024-01-01"))
                        .body("cessationReason", org.hamcrest.Matchers.nullValue())
                        .body("lastEventType", equalTo("be.caisse.affiliation.corrected.v1")));
        assertEquals("nl", io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((be.caisse.common.projection.KnownPerson) be.caisse.common.projection.KnownPerson.findById(niss)).language));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void registeredAffiliationBecomesKnown() {
        String niss = "90030224653";
        String affiliationId = UUID.randomUUID().toString();
        String data = "{\"affiliationId\":\"" + affiliationId + "\",\"niss\":\"" + niss
                + "\",\"category\":\"PRINCIPAL\",\"liableFrom\":\"2026-10-01\",\"startDate\":\"2026-11-02\"}";
        send(UUID.randomUUID().toString(), niss, "{broken");
        send(UUID.randomUUID().toString(), niss, data);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + niss).then().statusCode(200)
                        .body("affiliationId", equalTo(affiliationId))
                        .body("category", equalTo("PRINCIPAL")));
        TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.benefits-service.dlq", Duration.ofSeconds(30),
                e -> "{broken".equals(e.value()));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/benefits/members/90030224653").then().statusCode(401).contentType("application/problem+json");
    }
}
