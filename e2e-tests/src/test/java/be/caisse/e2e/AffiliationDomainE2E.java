package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

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
 * The affiliation domain through the gateway with real tokens: a company with its director and the director's
 * helping spouse, the director's activity ceased for bankruptcy, and the events arriving in the consuming
 * services (benefits and recovery see the cessation and its reason; contribution opens the spouse's account).
 * A member's request is decided by an agent.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class AffiliationDomainE2E {
    private static final String DIRECTOR = "75050512376";
    private static final String SPOUSE = "80080824686";
    private static final String COMPANY = "0883990001";
    private static final String LEA = "85071412330";
    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    private static io.restassured.response.ValidatableResponse asAgent(String method, String path, String body) {
        var request = given().header("Authorization", Tokens.bearer("agent")).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path).then();
    }

    @Test
    @Order(1)
    void companyWithItsDirectorAndTheDirectorsHelpingSpouse() {
        asAgent("POST", "/api/affiliations", """
                {"niss":"%s","firstName":"Jean","lastName":"Lambert","category":"PRINCIPAL","startDate":"2025-01-06",
                 "language":"fr","iban":"BE68 5390 0754 7034",
                 "address":{"street":"Rue Haute","houseNumber":"12","postalCode":"1000","city":"Bruxelles"}}""".formatted(DIRECTOR))
                .statusCode(201).body("lateRegistration", equalTo(true));
        asAgent("POST", "/api/affiliations/companies", """
                {"enterpriseNumber":"0883.990.001","name":"Lambert Menuiserie","legalForm":"SRL","incorporationDate":"%s"}"""
                .formatted(TODAY.minusDays(20)))
                .statusCode(201).body("lateAffiliation", equalTo(false));
        asAgent("POST", "/api/affiliations/companies/" + COMPANY + "/mandates", """
                {"niss":"%s","role":"DIRECTOR","startDate":"%s"}""".formatted(DIRECTOR, TODAY.minusDays(20)))
                .statusCode(201);
        asAgent("POST", "/api/affiliations", """
                {"niss":"%s","firstName":"Marie","lastName":"Lambert","category":"HELPING_SPOUSE","startDate":"2026-01-05",
                 "helpedPartnerNiss":"%s"}""".formatted(SPOUSE, DIRECTOR))
                .statusCode(201).body("helpingSpouseStatus", equalTo("MAXI"));
        asAgent("GET", "/api/affiliations/" + DIRECTOR + "/mandates", null).statusCode(200)
                .body("items[0].enterpriseNumber", equalTo(COMPANY));
        asAgent("GET", "/api/affiliations/" + DIRECTOR + "/helpers", null).statusCode(200)
                .body("items[0].helperNiss", equalTo(SPOUSE));
        asAgent("GET", "/api/affiliations?enterpriseNumber=0883.990.001", null).statusCode(200)
                .body("items.niss", hasItem(DIRECTOR));
    }

    @Test
    @Order(2)
    void theSpousesAccountIsOpenedOnHalfTheStarterAmount() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                asAgent("GET", "/api/contributions/accounts/" + SPOUSE, null).statusCode(200)
                        .body("category", equalTo("HELPING_SPOUSE"))
                        .body("quartersNotBilled", equalTo(0)));
        // Registered late (start 2026-01-05): every quarter of 2026 billed at once, each on half the starter amount.
        asAgent("GET", "/api/contributions/accounts/" + SPOUSE + "/quarters", null).statusCode(200)
                .body("items.quarter", hasItems("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"))
                .body("items.find { it.quarter == '2026-Q1' }.legalAmount", equalTo(445.21f))   // ½ × €890.42 (2026)
                .body("items.find { it.quarter == '2026-Q1' }.state", equalTo("BILLED"));
    }

    @Test
    @Order(3)
    void ceasedForBankruptcyAndTheConsumingServicesSeeIt() {
        LocalDate cessation = TODAY.minusDays(1);
        // The answer says what the cessation touches: the helping spouse's link (proposed, not ended), the mandate.
        asAgent("POST", "/api/affiliations/" + DIRECTOR + "/cessations",
                "{\"date\":\"" + cessation + "\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(201).header("Location", containsString("/api/affiliations/" + DIRECTOR + "/transitions/"))
                .body("transition.status", equalTo("APPLIED"))
                .body("affiliation.status", equalTo("CEASED"))
                .body("affiliation.liableUntil", equalTo(Quarter.of(cessation).lastDay().toString()))
                // applied at once, the helper link is not ended: its end is proposed to the agent
                .body("linked.proposals.subjectNiss", hasItem(SPOUSE))
                .body("linked.proposals.status", hasItem("PENDING"))
                .body("linked.mandates.enterpriseNumber", hasItem(COMPANY));
        asAgent("GET", "/api/affiliations/" + DIRECTOR + "/life-events", null).statusCode(200)
                .body("items.type", hasItem("BANKRUPTCY")).body("items.source", hasItem("CESSATION"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String path : new String[]{"/api/benefits/members/", "/api/recovery/debtors/"}) {
                asAgent("GET", path + DIRECTOR, null).statusCode(200)
                        .body("status", equalTo("CEASED"))
                        .body("cessationReason", equalTo("BANKRUPTCY"))
                        .body("lastEventType", equalTo("be.caisse.affiliation.ceased.v1"));
            }
        });
        asAgent("POST", "/api/affiliations/companies/" + COMPANY + "/cessations",
                "{\"date\":\"" + cessation + "\",\"reason\":\"BANKRUPTCY\"}")
                .statusCode(201).body("status", equalTo("CEASED"));
        asAgent("GET", "/api/affiliations/companies/" + COMPANY + "/mandates", null).statusCode(200)
                .body("items[0].endDate", equalTo(cessation.toString()));
    }

    @Test
    @Order(4)
    void aMemberAsksAnAgentDecidesTheMemberSeesTheOutcome() {
        String id = given().header("Authorization", Tokens.bearer("lea")).contentType("application/json")
                .body("{\"type\":\"LANGUAGE_CHANGE\",\"language\":\"nl\"}")
                .post("/api/affiliations/me/requests")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("filedBy.role", equalTo("MEMBER")).body("filedBy.user", equalTo("lea")).extract().path("id");
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/requests")
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/companies/" + COMPANY)
                .then().statusCode(403).contentType(PROBLEM);
        asAgent("POST", "/api/affiliations/requests/" + id + "/decision", "{\"approve\":true}")
                .statusCode(200).body("status", equalTo("APPROVED"));
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/me/requests")
                .then().statusCode(200).body("items[0].status", equalTo("APPROVED"));
        given().header("Authorization", Tokens.bearer("lea")).get("/api/affiliations/persons/" + LEA)
                .then().statusCode(200).body("language", equalTo("nl"));
    }
}
