package be.caisse.gateway;

import static be.caisse.gateway.GatewayTestProfile.ISSUER;
import static be.caisse.gateway.GatewayTestProfile.KEYS;
import static be.caisse.gateway.GatewayTestProfile.OTHER_KEYS;
import static be.caisse.gateway.GatewayTestProfile.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayRoutesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = token(KEYS, ISSUER, 300, "agent");

    @Inject
    TokenCheck tokens;

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
        given().auth().oauth2(VALID).get("/api/unknown/x").then().statusCode(404).contentType(PROBLEM)
                .body("errors", hasSize(0));
        given().auth().oauth2(VALID).contentType("application/json").body("{\"x\":\"" + "a".repeat(5000) + "\"}")
                .post("/api/affiliations/echo").then().statusCode(413).contentType(PROBLEM);
    }

    /** Outside /api (and the health checks) every address answers a problem document, never an HTML page. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/foo/bar", "/q/openapi", "/q/swagger-ui", "/q/dev-ui", "/openapi-ui/index.html",
            "/META-INF/resources/openapi-ui/index.html", "/caisse-docs/index.html", "/api/docs/../openapi", "/api/docs/secret.txt"})
    void everyOtherAddressIsAProblemDocument(String path) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(anyOf(equalTo(404), equalTo(400))).contentType(PROBLEM)
                .body("status", notNullValue()).body("errors", hasSize(0))
                .header("Cache-Control", "no-store").header("X-Request-Id", notNullValue());
    }

    @Test
    void theGatewaysOwnRefusalsAreInTheCallersLanguage() {
        given().header("Accept-Language", "nl-BE,nl;q=0.9").get("/nowhere").then().statusCode(404).contentType(PROBLEM)
                .header("Content-Language", "nl").body("title", equalTo("Niet gevonden"))
                .body("detail", containsString("/api/openapi"));
        given().header("Accept-Language", "de").get("/api/affiliations/echo").then().statusCode(401)
                .header("Content-Language", "de").body("title", equalTo("Anmeldung erforderlich"));
        given().get("/api/affiliations/echo").then().statusCode(401).header("Content-Language", "en")
                .body("detail", equalTo("Sign in: this request needs a valid access token."));
    }

    /** A malformed address, one too long and headers too large: the gateway's own 400/414/431, as problems. */
    @Test
    void malformedOrOversizedAddressesAreProblems() {
        String answer = raw("GET /api/affiliations/%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + VALID + "\r\n\r\n");
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.contains("https://caisse.be/problems/address-invalid"), answer);
        given().auth().oauth2(VALID).get("/api/affiliations/echo?q=" + "a".repeat(9000)).then()
                .statusCode(414).contentType(PROBLEM).body("detail", containsString("8192"));
        given().auth().oauth2(VALID).header("X-Big", "b".repeat(20000)).get("/api/affiliations/echo").then()
                .statusCode(431).contentType(PROBLEM);
        given().urlEncodingEnabled(false).auth().oauth2(VALID).get("/api/affiliations/%2e%2e/contributions/x").then()
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("https://caisse.be/problems/path-invalid"));
    }

    /** What the gateway answers to bytes a client library would refuse to send. */
    static String raw(String request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[16384];
            StringBuilder out = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    out.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    if (out.indexOf("\r\n\r\n") > 0 && out.toString().contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // what came is the answer
            }
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void corsAnswersVaryByOrigin() {
        given().header("Origin", "http://localhost:3000").auth().oauth2(VALID).get("/api/affiliations/echo").then()
                .statusCode(201).header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Vary", containsString("Origin"));
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .options("/api/affiliations/echo").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000").header("Vary", containsString("Origin"));
        given().auth().oauth2(VALID).get("/api/affiliations/echo").then().header("Cache-Control", "no-store");
    }

    /** The API description and its Swagger UI need no token; the UI's files are served from a fixed list only. */
    @Test
    void theApiDescriptionAndItsUiAreOpen() {
        given().get("/api/openapi").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Caisse API"))
                .body("servers[0].url", startsWith("http://"))
                .body("paths", hasKey("/api/affiliations/echo"))
                .body("x-caisse-missing", hasItem("contributions"))
                .body("components.securitySchemes", hasKey("bearerToken"));
        given().get("/api/docs").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/api/docs/swagger-ui-bundle.js"));
        given().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age"));
        given().get("/api/docs/caisse-docs.js").then().statusCode(200).body(containsString("/api/openapi"));
    }

    /** The same valid token is verified once, then taken from memory until it expires; a forged one never is. */
    @Test
    void aValidTokenIsVerifiedOnceAndAForgedOneEveryTime() {
        String fresh = token(KEYS, ISSUER, 300, "agent");
        int before = tokens.size();
        given().auth().oauth2(fresh).get("/api/affiliations/echo").then().statusCode(201);
        given().auth().oauth2(fresh).get("/api/affiliations/echo").then().statusCode(201);
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, tokens.size());
        String forged = fresh.substring(0, fresh.lastIndexOf('.') + 1) + "AAAA" + fresh.substring(fresh.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).get("/api/affiliations/echo").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/affiliations/echo").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, tokens.size());
    }
}
