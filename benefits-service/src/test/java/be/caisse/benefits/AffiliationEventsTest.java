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

/** benefits-service consumes affiliation events idempotently into its own table, and parks unreadable ones. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
class AffiliationEventsTest {

    static void send(String id, String key, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", key, data, Map.of(
                "ce_id", id, "ce_type", "be.caisse.affiliation.registered.v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service"));
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
