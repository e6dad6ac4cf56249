package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.time.Quarter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slice of the walking skeleton, through the gateway with real tokens: an agent registers lea; the
 * registration event reaches contribution-service over Kafka, which opens her account with the first quarter to
 * pay; contribution-service is restarted between marc's registration and the read, and nothing is lost; owners,
 * agents and strangers get 200, 403 and 401.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class WalkingSkeletonE2E {
    private static final String LEA = "85071412330";
    private static final String MARC = "90030224653";
    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate START = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(5);

    private static String affiliation(String niss, String first, String last) {
        return """
                {"niss":"%s","firstName":"%s","lastName":"%s","category":"PRINCIPAL","startDate":"%s"}
                """.formatted(niss, first, last, START);
    }

    @Test
    @Order(1)
    void agentRegistersLea() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body(affiliation(LEA, "Léa", "Dubois"))
                .when().post("/api/affiliations")
                .then().statusCode(201)
                .header("Location", endsWith("/api/affiliations/" + LEA))
                .header("X-Request-Id", notNullValue())
                .body("niss", equalTo(LEA))
                .body("liableFrom", equalTo(Quarter.of(START).firstDay().toString()));
    }

    @Test
    @Order(2)
    void invalidNissIsA400NamingTheField() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body(affiliation("85071412331", "Léa", "Dubois"))
                .when().post("/api/affiliations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("niss"))
                .body("errors.find { it.field == 'niss' }.message", containsString("check digits"))
                .body("errors.find { it.field == 'niss' }.code", notNullValue());
    }

    @Test
    @Order(3)
    void secondActiveAffiliationIsA409() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body(affiliation(LEA, "Léa", "Dubois"))
                .when().post("/api/affiliations")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    @Order(4)
    void leasAccountIsOpenedOverKafkaWithTheFirstQuarter() {
        Quarter first = Quarter.of(START);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().header("Authorization", Tokens.bearer("agent"))
                        .get("/api/contributions/accounts/" + LEA).then().statusCode(200));
        given().header("Authorization", Tokens.bearer("agent"))
                .get("/api/contributions/accounts/" + LEA)
                .then().statusCode(200).body("outstanding", greaterThan(0f)).body("quartersNotBilled", equalTo(0));
        String communication = given().header("Authorization", Tokens.bearer("agent"))
                .get("/api/contributions/accounts/" + LEA + "/quarters")
                .then().statusCode(200)
                .body("items[0].quarter", equalTo(first.toString()))
                .body("items[0].state", equalTo("BILLED"))
                .body("items[0].dueDate", equalTo(first.lastDay().toString()))
                .body("items[0].total", greaterThan(0f))
                .body("items[0].structuredCommunication", matchesPattern("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+"))
                .extract().path("items[0].structuredCommunication");
        StructuredCommunication.parse(communication); // mod-97 check digits are valid
    }

    @Test
    @Order(5)
    void contributionServiceRestartsBetweenRegistrationAndReadAndNothingIsLost() throws Exception {
        StackExtension.stack().stop("contribution-service");
        // While it is down, the gateway answers 502 as a problem document, it does not hang.
        given().header("Authorization", Tokens.bearer("agent"))
                .get("/api/contributions/accounts/" + LEA)
                .then().statusCode(502).contentType(PROBLEM);
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body(affiliation(MARC, "Marc", "Peeters"))
                .when().post("/api/affiliations")
                .then().statusCode(201);
        StackExtension.stack().start("contribution-service");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().header("Authorization", Tokens.bearer("agent"))
                        .get("/api/contributions/accounts/" + MARC + "/quarters").then().statusCode(200)
                        .body("items[0].quarter", equalTo(Quarter.of(START).toString())));
    }

    @Test
    @Order(6)
    void ownersAgentsAndStrangers() {
        for (String path : new String[]{"/api/contributions/accounts/", "/api/affiliations/"}) {
            given().header("Authorization", Tokens.bearer("lea")).get(path + LEA).then().statusCode(200);
            given().header("Authorization", Tokens.bearer("lea")).get(path + MARC).then().statusCode(403).contentType(PROBLEM);
            given().header("Authorization", Tokens.bearer("marc")).get(path + MARC).then().statusCode(200);
            given().header("Authorization", Tokens.bearer("agent")).get(path + LEA).then().statusCode(200);
            given().header("Authorization", Tokens.bearer("agent")).get(path + MARC).then().statusCode(200);
            given().get(path + LEA).then().statusCode(401).contentType(PROBLEM);
            given().header("Authorization", "Bearer not-a-token").get(path + LEA).then().statusCode(401).contentType(PROBLEM);
        }
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/me")
                .then().statusCode(200).body("niss", equalTo(LEA));
    }

    @Test
    @Order(7)
    void theOtherServicesReceivedTheEvents() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().header("Authorization", Tokens.bearer("agent")).get("/api/benefits/members/" + MARC)
                    .then().statusCode(200).body("category", equalTo("PRINCIPAL"));
            given().header("Authorization", Tokens.bearer("agent")).get("/api/recovery/debtors/" + LEA)
                    .then().statusCode(200).body("category", equalTo("PRINCIPAL"));
        });
    }

    @Test
    @Order(8)
    void gatewayEdges() {
        given().header("Authorization", Tokens.bearer("agent")).header("X-Request-Id", "e2e-trace-42")
                .get("/api/affiliations/" + LEA)
                .then().statusCode(200).header("X-Request-Id", equalTo("e2e-trace-42"));
        given().header("Authorization", Tokens.bearer("agent")).get("/api/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
        given().get("/q/health/ready").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"niss\":\"" + "1".repeat(3_000_000) + "\"}")
                .post("/api/affiliations")
                .then().statusCode(413).contentType(PROBLEM);
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/affiliations/me")
                .then().header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
    }
}
