package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §2–§4 through the gateway with real tokens: lea records her health insurer; an agent consults her
 * dossier saying why; her insurer's service account (mutuality-300, client credentials) asks whether a year is paid
 * and another insurer is refused; lea sees who consulted her dossier; the DPO searches the trail; lea downloads
 * everything the fund holds on her as one archive, and the export is in the trail.
 */
@ExtendWith(StackExtension.class)
@Order(12)
class PrivacyE2E {
    private static final String LEA = "85071412330";

    @Test
    void aMembersInsurerHerAccessLogAndHerDataOnRequest() throws Exception {
        String agent = Tokens.bearer("agent");
        if (given().header("Authorization", agent).get("/api/affiliations/" + LEA).statusCode() == 404) {
            given().header("Authorization", agent).contentType("application/json").body("""
                    {"niss":"%s","firstName":"Léa","lastName":"Dubois","category":"PRINCIPAL","startDate":"%s"}"""
                    .formatted(LEA, LocalDate.now().withDayOfMonth(1))).post("/api/affiliations").then().statusCode(201);
        }
        String lea = Tokens.bearer("lea");
        given().header("Authorization", lea).contentType("application/json").body("{\"mutuality\":\"300\",\"validFrom\":\"2020-01-01\"}")
                .put("/api/affiliations/me/mutuality").then().statusCode(200).body("current", equalTo("300"));
        given().header("Authorization", agent).header("X-Access-Purpose", "e2e: call from the member").get("/api/affiliations/persons/" + LEA)
                .then().statusCode(200);

        // her insurer asks about this year, once contribution-service knows she is its member
        String solidaris = "Bearer " + Tokens.client("mutuality-300");
        int year = LocalDate.now().getYear();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", solidaris)
                .get("/api/contributions/partners/members/" + LEA + "/years/" + year).statusCode(), s -> s == 200);
        given().header("Authorization", solidaris).get("/api/contributions/partners/members/" + LEA + "/years/" + year).then()
                .statusCode(200).body("year", equalTo(year)).body("quarters.size()", equalTo(4));
        given().header("Authorization", "Bearer " + Tokens.client("mutuality-100")).header("Accept-Language", "nl")
                .get("/api/contributions/partners/members/" + LEA + "/years/" + year).then().statusCode(403)
                .body("type", containsString("partner-not-member"));
        // a partner reads nothing else of the dossier
        given().header("Authorization", solidaris).get("/api/affiliations/persons/" + LEA).then().statusCode(403);
        given().header("Authorization", solidaris).get("/api/contributions/accounts/" + LEA).then().statusCode(403);

        JsonPath log = await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", lea)
                .get("/api/affiliations/me/access-log?size=100").then().statusCode(200).extract().jsonPath(),
                j -> j.getList("items.who").contains("agent") && j.getList("items.who").contains("mutuality-300"));
        assertEquals("e2e: call from the member", log.getString("items.find { it.who == 'agent' && it.data == 'person' }.purpose"));
        assertEquals("PARTNER", log.getString("items.find { it.who == 'mutuality-300' }.kind"));
        given().header("Authorization", lea).get("/api/affiliations/access-trail").then().statusCode(403);

        String dpo = Tokens.bearer("dpo");
        given().header("Authorization", dpo).get("/api/affiliations/access-trail?niss=" + LEA + "&actor=mutuality-300").then().statusCode(200)
                .body("items[0].route", equalTo("GET /contributions/partners/members/{niss}/years/" + year))
                .body("items[0].service", equalTo("contribution-service"));
        given().header("Authorization", agent).get("/api/affiliations/access-trail").then().statusCode(403);

        long started = System.nanoTime();
        byte[] zip = given().header("Authorization", lea).header("Accept-Language", "fr").get("/api/privacy/members/" + LEA + "/export")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        long ms = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        System.out.printf("[privacy] export of lea: %d files, %d bytes, %d ms%n", files.size(), zip.length, ms);
        assertEquals(java.util.Set.of("affiliation.json", "contribution.json", "benefits.json", "recovery.json", "documents.json", "summary.txt"),
                files.keySet());
        JsonPath affiliation = JsonPath.from(files.get("affiliation.json"));
        assertEquals("Dubois", affiliation.getString("tables.person[0].last_name"));
        assertEquals(List.of("300"), affiliation.getList("tables.person_mutuality.mutuality"));
        assertTrue(JsonPath.from(files.get("contribution.json")).getMap("tables").containsKey("contribution_account"), files.get("contribution.json"));
        assertTrue(files.get("summary.txt").startsWith("Vos données à la caisse d'assurances sociales"), files.get("summary.txt"));
        assertTrue(files.get("summary.txt").contains("Dubois"));
        assertTrue(ms < 10_000, "produced within seconds: " + ms + " ms");
        // Marc cannot have hers, an agent neither; a malformed NISS is refused by the gateway
        given().header("Authorization", Tokens.bearer("marc")).get("/api/privacy/members/" + LEA + "/export").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", agent).get("/api/privacy/members/" + LEA + "/export").then().statusCode(403);
        given().header("Authorization", lea).get("/api/privacy/members/12345/export").then().statusCode(400)
                .contentType("application/problem+json");
        // the export is in the trail (four parts, one per service)
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", dpo)
                .get("/api/affiliations/access-trail?niss=" + LEA + "&actor=lea&size=100").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.service"), l -> l.containsAll(List.of("affiliation-service", "contribution-service",
                "benefits-service", "recovery-service")));
    }
}
