package be.caisse.gateway;

import static be.caisse.gateway.GatewayTestProfile.ISSUER;
import static be.caisse.gateway.GatewayTestProfile.KEYS;
import static be.caisse.gateway.GatewayTestProfile.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway protects the services from one greedy client (issue 13 §3): 429 with Retry-After, others unhindered. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {
    /** The test gateway with a small limit: 3 requests at once, then one every 2 seconds. */
    public static class Limited extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>(super.getConfigOverrides());
            c.put("caisse.gateway.rate-limit-per-second", "0.5");
            c.put("caisse.gateway.rate-limit-burst", "3");
            return c;
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndTheOthersGoOn() {
        String greedy = token("greedy", KEYS, ISSUER, 300, "agent");
        String other = token("patient", KEYS, ISSUER, 300, "agent");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(greedy).get("/api/affiliations/echo").then().statusCode(201);
        }
        given().auth().oauth2(greedy).header("Accept-Language", "fr").get("/api/affiliations/echo").then().statusCode(429)
                .header("Retry-After", equalTo("2")).contentType("application/problem+json")
                .body("type", containsString("rate-limited")).body("detail", containsString("réessayez dans 2 s"));
        given().auth().oauth2(other).get("/api/affiliations/echo").then().statusCode(201);
        // without a valid token nothing is counted: the 401 comes first
        given().get("/api/affiliations/echo").then().statusCode(401);
    }
}
