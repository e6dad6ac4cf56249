package be.caisse.gateway;

import static be.caisse.gateway.GatewayTestProfile.ISSUER;
import static be.caisse.gateway.GatewayTestProfile.KEYS;
import static be.caisse.gateway.GatewayTestProfile.OTHER_KEYS;
import static be.caisse.gateway.GatewayTestProfile.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayRoutesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = token(KEYS, ISSUER, 300, "agent");

    @Test
    void withoutATokenEveryApiRouteIs401ButHealthIsOpen() {
        given().get("/api/affiliations/echo").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().get("/api/contributions/accounts/x").then().statusCode(401).contentType(PROBLEM);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void expiredForgedOrForeignTokensAre401() {
        given().auth().oauth2(token(KEYS, ISSUER, -120, "agent")).get("/api/affiliations/echo")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token(OTHER_KEYS, ISSUER, 300, "agent")).get("/api/affiliations/echo")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(token(KEYS, "https://elsewhere/realms/x", 300, "agent")).get("/api/affiliations/echo")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aTokenWithoutARoleAtTheFundIs403() {
        given().auth().oauth2(token(KEYS, ISSUER, 300, "offline_access")).get("/api/affiliations/echo")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void proxiesWithTheTokenARequestIdAndThePrefix() {
        given().auth().oauth2(VALID).contentType("application/json").body("{\"a\":1}")
                .post("/api/affiliations/echo?page=2")
                .then().statusCode(201)
                .header("X-Upstream", "affiliation")
                .header("X-Request-Id", notNullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/affiliations/echo?page=2"))
                .body("authorization", equalTo("Bearer " + VALID))
                .body("prefix", equalTo("/api"))
                .body("bodyLength", equalTo(7));
        given().auth().oauth2(VALID).header("X-Request-Id", "front-123").get("/api/affiliations/echo")
                .then().statusCode(201).header("X-Request-Id", "front-123").body("requestId", equalTo("front-123"));
    }

    @Test
    void aSlowServiceIs504AndTheGatewayDoesNotHang() {
        given().auth().oauth2(VALID).get("/api/affiliations/slow")
                .then().time(lessThan(3500L), TimeUnit.MILLISECONDS)
                .statusCode(504).contentType(PROBLEM).body("title", equalTo("Service too slow"));
    }

    @Test
    void aServiceThatIsDownIs502() {
        given().auth().oauth2(VALID).get("/api/contributions/accounts/85071412330")
                .then().statusCode(502).contentType(PROBLEM).body("detail", notNullValue());
    }

    @Test
    void unknownRoutesAndOversizedBodies() {
        given().auth().oauth2(VALID).get("/api/unknown/x").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(VALID).contentType("application/json").body("{\"x\":\"" + "a".repeat(5000) + "\"}")
                .post("/api/affiliations/echo").then().statusCode(413).contentType(PROBLEM);
    }
}
