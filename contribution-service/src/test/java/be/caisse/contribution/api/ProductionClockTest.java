package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the clock is not adjustable (production), not even an admin can move it. */
@QuarkusTest
@TestProfile(ProductionClockTest.NotAdjustable.class)
@TestSecurity(user = "admin", roles = "admin")
class ProductionClockTest {
    public static class NotAdjustable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("caisse.clock.adjustable", "false");
        }
    }

    @Test
    void theClockCannotBeMoved() {
        given().contentType("application/json").body("{\"today\":\"2027-04-01\"}").put("/contributions/admin/clock")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("adjustable"));
    }
}
