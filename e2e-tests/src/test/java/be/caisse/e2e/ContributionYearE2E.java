package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.TopicReader;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One member through a year, through the gateway with real tokens and the admin moving the services' date: the
 * quarterly runs issue the 2025 notices (starter on the minimum, €871.71 + 4.05 % = €907.01), a bank statement pays
 * Q1, Q2 stays unpaid past its (starter's) due date and gets its 3 % surcharge (€26.15), the overdue event is
 * published on Kafka, the 2025 tax income (€40,000 → €2,050.00 a quarter) regularises the year, and the tax
 * certificate counts what was paid in 2025.
 */
@ExtendWith(StackExtension.class)
@Order(4)
class ContributionYearE2E {
    private static final String MEMBER = "72030350565";

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json");
    }

    private static void today(String date) {
        as("admin").body("{\"today\":\"" + date + "\"}").put("/api/contributions/admin/clock").then().statusCode(200);
    }

    private static void affiliationToday(String date) {
        as("admin").body("{\"today\":\"" + date + "\"}").put("/api/affiliations/admin/clock").then().statusCode(200);
    }

    private static void run(String quarter) {
        as("supervisor").post("/api/contributions/runs/" + quarter).then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("supervisor").get("/api/contributions/runs/" + quarter).then().statusCode(200).body("status", equalTo("COMPLETED")));
    }

    private static JsonPath quarter(String q) {
        return as("agent").get("/api/contributions/accounts/" + MEMBER + "/quarters/" + q).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMemberThroughTheYear() {
        // Registered on time, three days before her start: a starter, not a late registration (REFERENCE.md §1.3).
        affiliationToday("2025-01-03");
        today("2025-01-03");
        try {
            as("agent").body("""
                    {"niss":"%s","firstName":"Inès","lastName":"Peeters","category":"PRINCIPAL","startDate":"2025-01-06","language":"nl"}"""
                    .formatted(MEMBER)).post("/api/affiliations").then().statusCode(201).body("lateRegistration", equalTo(false));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    as("agent").get("/api/contributions/accounts/" + MEMBER + "/quarters").then().statusCode(200)
                            .body("items.quarter", hasItem("2025-Q1")));
            today("2025-04-05");
            run("2025-Q2");
            run("2025-Q3");
            run("2025-Q4");
            assertEquals(907.01f, quarter("2025-Q2").getFloat("total"));

            String q1 = StructuredCommunication.parse(quarter("2025-Q1").getString("structuredCommunication")).digits();
            as("agent").contentType("text/plain").body(CodaFiles.statement(801, q1, new BigDecimal("907.01"), LocalDate.of(2025, 3, 28)))
                    .post("/api/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
            assertEquals(0f, quarter("2025-Q1").getFloat("outstanding"));

            today("2025-10-02");
            as("supervisor").post("/api/contributions/admin/surcharge-run").then().statusCode(200);
            as("supervisor").post("/api/contributions/admin/overdue-check").then().statusCode(200);
            JsonPath q2 = quarter("2025-Q2");
            assertEquals(907.01f, q2.getFloat("outstanding"));
            assertEquals(26.15f, q2.getFloat("surcharges"), "3 % of 871.71 at 30 September (a starter's Q2 may wait one quarter)");
            TopicReader.Event overdue = TopicReader.awaitEvent(StackExtension.config().kafkaBootstrap(), "caisse.contribution.events",
                    Duration.ofSeconds(60), e -> "be.caisse.contribution.overdue.v1".equals(e.header("ce_type"))
                            && MEMBER.equals(e.key()) && e.value().contains("2025-Q2"));
            assertEquals(907.01f, JsonPath.from(overdue.value()).getFloat("outstanding"));

            today("2026-11-26");
            as("agent").body("{\"year\":2025,\"amount\":40000.00,\"source\":\"TAX_ADMINISTRATION\"}")
                    .post("/api/contributions/accounts/" + MEMBER + "/incomes").then().statusCode(201)
                    .body("regularisation.outcome", equalTo("SUPPLEMENT"))
                    .body("regularisation.total", equalTo(4904.08f))        // 4 × (1,178.29 + 47.73 fees)
                    .body("regularisation.dueDate", equalTo("2027-03-31"));
            JsonPath regularised = quarter("2025-Q1");
            assertEquals(2050.00f, regularised.getFloat("definitive.legalAmount"));
            assertEquals(1226.02f, regularised.getFloat("outstanding"));

            as("agent").get("/api/contributions/accounts/" + MEMBER + "/tax-certificates/2025").then().statusCode(200)
                    .body("contributionsPaid", equalTo(907.01f)).body("complete", equalTo(true));
            as("agent").queryParam("from", "2025-01-01").queryParam("size", 100)
                    .get("/api/contributions/accounts/" + MEMBER + "/statement").then().statusCode(200)
                    .body("lines.items.kind", hasItem("REGULARISATION")).body("lines.items.kind", hasItem("SURCHARGE"))
                    .body("lines.items.kind", hasItem("PAYMENT"));
        } finally {
            as("admin").delete("/api/contributions/admin/clock").then().statusCode(200);
            as("admin").delete("/api/affiliations/admin/clock").then().statusCode(200);
        }
    }
}
