package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.testsupport.OpenApiLint;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a front-end developer reads and relies on, through the gateway: one API description for the four services
 * (without a token), that passes the project's lint; a Swagger UI over it; refusals as problem documents in the
 * caller's language (Accept-Language, else the language the fund recorded for the member reading her own dossier);
 * answers never cached and varying by origin.
 */
@ExtendWith(StackExtension.class)
@Order(5)
class ApiContractE2E {
    private static final String LEA = "85071412330";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void oneDescriptionForTheWholeApiWithoutAToken() {
        String doc = given().get("/api/openapi").then().statusCode(200).contentType(containsString("json"))
                .extract().asString();
        OpenApiLint.keep(doc, "target/merged-openapi.json");
        List<String> findings = OpenApiLint.findings(doc);
        assertTrue(findings.isEmpty(), () -> "The merged description breaks the contract:\n  " + String.join("\n  ", findings));
        JsonPath json = JsonPath.from(doc);
        Map<String, Object> paths = json.getMap("paths");
        for (String expected : List.of("/api/affiliations", "/api/affiliations/{niss}", "/api/contributions/accounts/{niss}/quarters",
                "/api/benefits/members/{niss}", "/api/recovery/debtors/{niss}")) {
            assertTrue(paths.containsKey(expected), expected + " is described");
        }
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/")), "every address is the gateway's");
        assertFalse(doc.contains("x-caisse-missing"), "every service answered");
        assertEquals(StackExtension.config().gatewayUrl(), json.getString("servers[0].url"),
                "the server is the gateway as the caller reached it");
        org.junit.jupiter.api.Assertions.assertNotNull((Object) json.get("components.securitySchemes.bearerToken"));
        given().get("/api/docs").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", notNullValue());
        given().get("/api/docs/caisse-docs.js").then().statusCode(200).body(containsString("/api/openapi"));
    }

    @Test
    void refusalsAreProblemDocumentsInTheCallersLanguage() {
        String bad = """
                {"niss":"85071412331","firstName":12,"lastName":"Dubois","category":"PRINCIPAL","startDate":12345,"colour":"blue"}""";
        Set<String> titles = new HashSet<>();
        for (String language : List.of("fr", "nl", "de", "en")) {
            Response r = given().header("Authorization", Tokens.bearer("agent")).header("Accept-Language", language + ";q=1, en;q=0.5")
                    .contentType("application/json").body(bad).post("/api/affiliations");
            r.then().statusCode(400).contentType(PROBLEM).header("Content-Language", language)
                    .header("Cache-Control", containsString("no-store"))
                    .body("status", equalTo(400)).body("type", notNullValue()).body("title", notNullValue())
                    .body("errors.field", hasItem("startDate")).body("errors.field", hasItem("firstName"))
                    .body("errors.field", hasItem("colour"))
                    .body(not(containsString("Exception"))).body(not(containsString("at be.caisse")));
            titles.add(r.path("title"));
        }
        assertEquals(4, titles.size(), "one title per language: " + titles);
        // refused by the gateway itself, in the same four languages
        for (String language : List.of("fr", "nl", "de", "en")) {
            given().header("Accept-Language", language).get("/api/affiliations/me").then().statusCode(401).contentType(PROBLEM)
                    .header("Content-Language", language).body("status", equalTo(401));
        }
    }

    @Test
    void aMemberReadsHerOwnDossierInTheLanguageTheFundRecorded() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body("{\"language\":\"nl\"}")
                .patch("/api/affiliations/persons/" + LEA).then().statusCode(200).body("language", equalTo("nl"));
        try {
            // without Accept-Language: her language, in the service that keeps her dossier and in those that learn it by event
            given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/" + LEA + "/history?page=abc")
                    .then().statusCode(400).contentType(PROBLEM).header("Content-Language", "nl");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", Tokens.bearer("lea")).get("/api/contributions/accounts/" + LEA + "/quarters/2026-Q9")
                            .then().statusCode(400).contentType(PROBLEM).header("Content-Language", "nl"));
            // what she asks for wins
            given().header("Authorization", Tokens.bearer("lea")).header("Accept-Language", "de")
                    .get("/api/contributions/accounts/" + LEA + "/quarters/2026-Q9")
                    .then().statusCode(400).header("Content-Language", "de");
            // an agent reading her dossier is not her: English unless asked
            given().header("Authorization", Tokens.bearer("agent")).get("/api/contributions/accounts/" + LEA + "/quarters/2026-Q9")
                    .then().statusCode(400).header("Content-Language", "en");
        } finally {
            given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body("{\"language\":\"fr\"}")
                    .patch("/api/affiliations/persons/" + LEA).then().statusCode(200);
        }
    }

    @Test
    void answersAreNeverCachedVaryByOriginAndCarryARequestId() {
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/me").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).header("Vary", containsString("Origin"))
                .header("X-Request-Id", notNullValue()).header("Content-Language", notNullValue());
        given().header("Authorization", Tokens.bearer("agent")).get("/api/affiliations/" + LEA + "/history?page=99999999999999999999")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("page"));
        given().header("Authorization", Tokens.bearer("agent")).get("/api/affiliations/" + LEA + "/history?size=100000")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("size"));
        JsonPath page = given().header("Authorization", Tokens.bearer("agent")).get("/api/affiliations/" + LEA + "/history?size=1")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, page.getInt("page"));
        assertEquals(1, page.getInt("size"));
        assertTrue(page.getInt("totalItems") >= 1);
        assertEquals(page.getInt("totalItems"), page.getInt("totalPages"));
    }
}
