package be.caisse.benefits.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.benefits.application.ClaimService;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The 105 maternity service vouchers (REFERENCE.md §3.4): proposed by the fund itself when a birth is recorded for
 * a self-employed mother with her quarters; she accepts (an agent for her), an agent prepares, a supervisor approves, and the request
 * to the voucher issuer is the {@code vouchers-requested} event — the fund pays nothing by transfer.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class VouchersFlowTest {
    static final String MOTHER = Nisses.of(LocalDate.of(1991, 7, 7), 212);

    @Inject
    CaisseClock clock;

    static void send(String topic, String type, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), topic, MOTHER, data, Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_specversion", "1.0", "ce_source", "/caisse/test"));
    }

    static String id;

    @Test
    @org.junit.jupiter.api.Order(1)
    @TestSecurity(user = "agent", roles = "agent")
    void theFundProposesTheVouchersAndTheMotherAccepts() {
        clock.setToday(LocalDate.of(2026, 9, 14));
        send("caisse.affiliation.events", "be.caisse.affiliation.person-registered.v1",
                "{\"niss\":\"" + MOTHER + "\",\"firstName\":\"Anke\",\"lastName\":\"Peeters\",\"language\":\"nl\",\"sex\":\"F\"}");
        send("caisse.affiliation.events", "be.caisse.affiliation.registered.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","liableFrom":"2024-01-01","startDate":"2024-01-02"}"""
                .formatted(UUID.randomUUID(), MOTHER));
        for (String q : new String[]{"2025-Q4", "2026-Q1", "2026-Q2"}) {
            send("caisse.contribution.events", "be.caisse.contribution.quarter-settled.v1", """
                    {"account":"%s","period":"%s","settledOn":"2026-07-02","due":926.48,"paid":926.48}""".formatted(MOTHER, q));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + MOTHER).then().statusCode(200).body("category", equalTo("PRINCIPAL")));
        send("caisse.affiliation.events", "be.caisse.affiliation.life-event-recorded.v1", """
                {"lifeEventId":"%s","niss":"%s","type":"BIRTH","date":"2026-09-01","source":"NATIONAL_REGISTER"}"""
                .formatted(UUID.randomUUID(), MOTHER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/benefits/members/" + MOTHER + "/claims").then()
                .body("items.find { it.type == 'MATERNITY_VOUCHERS' }.status", equalTo("PROPOSED"))
                .body("items.find { it.type == 'MATERNITY_VOUCHERS' }.missing", hasSize(0)));
        id = given().contentType("application/json").body("""
                        {"niss":"%s","type":"MATERNITY_VOUCHERS","factDate":"2026-09-01"}""".formatted(MOTHER))
                .post("/benefits/claims").then().statusCode(201).body("status", equalTo("FILED")).body("origin", equalTo("FUND"))
                .extract().path("id");
        given().post("/benefits/claims/" + id + "/decision").then().statusCode(200).body("decision.units", equalTo(105));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void onceDecidedTheIssuerIsAsked() {
        clock.setToday(LocalDate.of(2026, 9, 15));
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + id + "/approval").then()
                .statusCode(200).body("status", equalTo("DECIDED"));
        TopicReader.Event asked = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> ClaimService.VOUCHERS_REQUESTED.equals(e.header("ce_type")) && e.value().contains(id));
        EventSchemas.assertValid(ClaimService.VOUCHERS_REQUESTED, asked.value());
        assertTrue(asked.value().contains("\"vouchers\":105") && asked.value().contains("Peeters"), asked.value());
        given().get("/benefits/claims/" + id).then().body("payments", hasSize(0)).body("decision.unit", equalTo("VOUCHERS"));
    }
}
