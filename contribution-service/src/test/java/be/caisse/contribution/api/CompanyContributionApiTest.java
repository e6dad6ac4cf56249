package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The annual company contribution over the affiliation events (REFERENCE.md §2.10): a balance sheet of N−2 above
 * €825,750.09 → €960.26, due 31 December, its director jointly liable; paid by bank statement; a company gone
 * bankrupt in the year with its contribution unpaid owes nothing for that year.
 */
@QuarkusTest
@TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
class CompanyContributionApiTest {
    static final String BIG = "0412345119";
    static final String BANKRUPT = "0412345218";
    static final String DIRECTOR = "72030340469";

    static void send(String type, String key, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", key, data, Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "be.caisse.affiliation." + type + ".v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service", "content-type", "application/json"));
    }

    static void company(String kbo) {
        send("company-registered", kbo, """
                {"enterpriseNumber":"%s","name":"SRL %s","legalForm":"SRL","incorporationDate":"2020-05-04","affiliationDate":"2020-05-04","lateAffiliation":false}
                """.formatted(kbo, kbo));
    }

    @Test
    void theCompanyContributionIsCalledByBracketWithItsJointlyLiableDirector() {
        company(BIG);
        send("balance-sheet-recorded", BIG, "{\"enterpriseNumber\":\"" + BIG + "\",\"financialYear\":2024,\"total\":900000.00}");
        send("mandate-started", BIG, """
                {"mandateId":"%s","enterpriseNumber":"%s","niss":"%s","role":"DIRECTOR","startDate":"2020-05-04"}
                """.formatted(UUID.randomUUID(), BIG, DIRECTOR));
        company(BANKRUPT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/contributions/companies/" + BIG).then().statusCode(200)
                    .body("enterpriseNumber", equalTo(BIG)).body("directorsThisYear", contains(DIRECTOR));
            given().get("/contributions/companies/" + BANKRUPT).then().statusCode(200);
        });
        given().post("/contributions/companies/runs/2026").then().statusCode(200).body("called", equalTo(2));
        given().header("Accept-Language", "en").get("/contributions/companies/" + BIG + "/contributions").then().statusCode(200)
                .body("items[0].bracket", equalTo("INCREASED"))      // the 2024 balance sheet (N-2) is above the threshold
                .body("items[0].balanceSheetTotal", equalTo(900000.00f))
                .body("items[0].rule", org.hamcrest.Matchers.containsString("increased amount"))
                .body("items[0].amount", equalTo(960.26f))
                .body("items[0].dueDate", equalTo("2026-12-31"))
                .body("items[0].jointlyLiable", contains(DIRECTOR));
        given().get("/contributions/companies/" + BIG).then().body("outstanding", equalTo(960.26f));
        given().post("/contributions/companies/runs/2026").then().statusCode(200).body("called", equalTo(0));

        String communication = given().get("/contributions/companies/" + BIG + "/contributions").then().extract().path("items[0].structuredCommunication");
        given().contentType("text/plain").body(CodaFiles.statement(701, communication.replaceAll("[^0-9]", ""), new BigDecimal("960.26")))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
        given().get("/contributions/companies/" + BIG + "/contributions").then().body("items[0].outstanding", equalTo(0f))
                .body("items[0].paid", equalTo(960.26f));

        send("company-ceased", BANKRUPT, "{\"enterpriseNumber\":\"" + BANKRUPT + "\",\"date\":\"2026-11-20\",\"reason\":\"BANKRUPTCY\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/contributions/companies/" + BANKRUPT + "/contributions").then()
                .body("items[0].cancelled", equalTo(true)).body("items[0].outstanding", equalTo(0f)));

        TopicReader.Event issued = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.COMPANY_CONTRIBUTION_ISSUED.equals(e.header("ce_type")) && BIG.equals(e.key()));
        EventSchemas.assertValid(issued.header("ce_type"), issued.value());
    }

    @Test
    void badEnterpriseNumbersAndRolesAreRefused() {
        given().get("/contributions/companies/0412345111").then().statusCode(400);
        given().get("/contributions/companies/0412345317").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorCallsTheYear() {
        given().post("/contributions/companies/runs/2026").then().statusCode(403);
    }
}
