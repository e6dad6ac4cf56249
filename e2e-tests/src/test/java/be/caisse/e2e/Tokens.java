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

    /** A partner's token: client credentials of its confidential client (mutuality-300, secret mutuality-300-secret). */
    static String client(String clientId) {
        return CACHE.computeIfAbsent("client:" + clientId, u -> given().baseUri(StackExtension.config().realmUrl()).port(-1)
                .contentType("application/x-www-form-urlencoded")
                .formParam("client_id", clientId).formParam("client_secret", clientId + "-secret")
                .formParam("grant_type", "client_credentials")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
