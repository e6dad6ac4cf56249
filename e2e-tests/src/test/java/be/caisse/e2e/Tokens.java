package be.caisse.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the real Keycloak (password grant of the public client caisse-web), cached per user. */
final class Tokens {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> given().baseUri(StackExtension.config().realmUrl()).port(-1)
                .contentType("application/x-www-form-urlencoded")
                .formParam("client_id", "caisse-web").formParam("grant_type", "password")
                .formParam("username", u).formParam("password", "demo")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
