package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.Nisses;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A year of events between contribution-service and recovery-service, through the gateway: four quarters of 2025
 * billed by the quarterly runs, each left unpaid past its due date (overdue), the surcharges of every quarter end and
 * of 1 January, a part payment and a full one imputed oldest principal first. At each step the recovery case's debt
 * equals, to the cent, what the contribution account says is open (contributions, fees and surcharges).
 */
@ExtendWith(StackExtension.class)
@Order(9)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class RecoveryYearE2E {
    private static final String MEMBER = Nisses.of(LocalDate.of(1981, 1, 21), 509);
    private static int sequence = 970;

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType("application/json");
    }

    private static void clocks(String date) {
        for (String service : List.of("affiliations", "contributions", "recovery")) {
            if (date == null) {
                as("admin").delete("/api/" + service + "/admin/clock").then().statusCode(200);
            } else {
                as("admin").body("{\"today\":\"" + date + "\"}").put("/api/" + service + "/admin/clock").then().statusCode(200);
            }
        }
    }

    private static void run(String quarter) {
        as("supervisor").post("/api/contributions/runs/" + quarter).then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("supervisor").get("/api/contributions/runs/" + quarter).then().statusCode(200).body("status", equalTo("COMPLETED")));
    }

    /**
     * The nightly passes of contribution-service, then the comparison once recovery has consumed their events: the
     * case claims what the account has open on the quarters past their due date (a quarter billed but not yet due is
     * not recovered).
     */
    private static void nightAndCompare(LocalDate today) {
        as("supervisor").post("/api/contributions/admin/overdue-check").then().statusCode(200);
        as("supervisor").post("/api/contributions/admin/surcharge-run").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath quarters = as("agent").queryParam("size", 100).get("/api/contributions/accounts/" + MEMBER + "/quarters").then()
                    .statusCode(200).extract().jsonPath();
            BigDecimal open = BigDecimal.ZERO;
            for (int i = 0; i < quarters.getList("items").size(); i++) {
                String due = quarters.getString("items[" + i + "].dueDate");
                if (due != null && LocalDate.parse(due).isBefore(today)) {
                    open = open.add(new BigDecimal(quarters.getString("items[" + i + "].outstanding")).max(BigDecimal.ZERO))
                            .add(new BigDecimal(quarters.getString("items[" + i + "].surchargesOutstanding")).max(BigDecimal.ZERO));
                }
            }
            JsonPath debtor = as("agent").get("/api/recovery/debtors/" + MEMBER).then().statusCode(200).extract().jsonPath();
            List<Float> debts = debtor.getList("cases.findAll { it.state != 'CLOSED' }.debt", Float.class);
            assertEquals(1, debts.size(), "one open case");
            BigDecimal claimed = new BigDecimal(debtor.getString("cases.find { it.state != 'CLOSED' }.debt"));
            assertEquals(0, open.compareTo(claimed), "the case claims what the account says is open: " + open + " vs " + claimed);
        });
    }

    private static void pay(String quarter, String amount, LocalDate day) {
        String digits = StructuredCommunication.parse(as("agent").get("/api/contributions/accounts/" + MEMBER + "/quarters/" + quarter)
                .then().statusCode(200).extract().<String>path("structuredCommunication")).digits();
        as("agent").contentType("text/plain").body(CodaFiles.statement(sequence++, digits, new BigDecimal(amount), day))
                .post("/api/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
    }

    @Test
    void theCaseClaimsWhatTheAccountSaysIsOpenAllYear() {
        clocks("2025-01-10");
        try {
            // registered after the start: late, no starter's extra quarter
            as("agent").body("""
                    {"niss":"%s","firstName":"Hanne","lastName":"Smets","category":"PRINCIPAL","startDate":"2025-01-06","language":"nl"}"""
                    .formatted(MEMBER)).post("/api/affiliations").then().statusCode(201);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    as("agent").get("/api/contributions/accounts/" + MEMBER + "/quarters/2025-Q1").then().statusCode(200)
                            .body("noticeIssued", equalTo(true)));
            clocks("2025-04-02");
            run("2025-Q2");
            nightAndCompare(LocalDate.of(2025, 4, 2));            // Q1 overdue, its 3 % of 31 March
            clocks("2025-04-10");
            pay("2025-Q1", "400.00", LocalDate.of(2025, 4, 10));   // a part payment
            nightAndCompare(LocalDate.of(2025, 4, 10));
            clocks("2025-07-02");
            run("2025-Q3");
            nightAndCompare(LocalDate.of(2025, 7, 2));            // Q2 overdue; the quarter ends' surcharges
            clocks("2025-07-15");
            pay("2025-Q2", "1100.00", LocalDate.of(2025, 7, 15));  // imputed on Q1's rest first, then Q2
            nightAndCompare(LocalDate.of(2025, 7, 15));
            clocks("2025-10-02");
            run("2025-Q4");
            nightAndCompare(LocalDate.of(2025, 10, 2));
            clocks("2026-01-05");
            nightAndCompare(LocalDate.of(2026, 1, 5));            // Q4 overdue, 3 % of 31 December, 7 % of 1 January
        } finally {
            clocks(null);
        }
    }

    private static final String COMPANY = "0455123406";
    private static final String DIRECTOR = Nisses.of(LocalDate.of(1977, 7, 17), 611);

    /**
     * REFERENCE.md §2.10 and §5.4: the 2025 company contribution of a company incorporated in March 2025, left unpaid
     * past 31 December, is recovered from the company, its director jointly liable (art. 98 loi 30/12/1992); the case
     * claims what the company's account has open, and a part payment by the company's communication lowers the one
     * debt on both dossiers.
     */
    @Test
    void theCompanyContributionIsRecoveredWithItsDirectorJointlyLiable() {
        clocks("2025-03-03");
        try {
            as("agent").body("""
                    {"niss":"%s","firstName":"Wim","lastName":"Claes","category":"PRINCIPAL","startDate":"2025-03-01","language":"nl"}"""
                    .formatted(DIRECTOR)).post("/api/affiliations").then().statusCode(201);
            as("agent").body("""
                    {"enterpriseNumber":"%s","name":"Claes Bouw","legalForm":"SRL","incorporationDate":"2025-03-01"}""".formatted(COMPANY))
                    .post("/api/affiliations/companies").then().statusCode(201);
            as("agent").body("{\"niss\":\"" + DIRECTOR + "\",\"role\":\"DIRECTOR\",\"startDate\":\"2025-03-01\"}")
                    .post("/api/affiliations/companies/" + COMPANY + "/mandates").then().statusCode(201);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("agent").get("/api/contributions/companies/" + COMPANY).then()
                    .statusCode(200));
            clocks("2025-10-02");
            as("supervisor").post("/api/contributions/companies/runs/2025").then().statusCode(200);
            JsonPath called = as("agent").get("/api/contributions/companies/" + COMPANY + "/contributions").then().statusCode(200)
                    .body("items[0].dueDate", equalTo("2025-12-31")).extract().jsonPath();
            BigDecimal amount = new BigDecimal(called.getString("items[0].amount"));
            String digits = StructuredCommunication.parse(called.getString("items[0].structuredCommunication")).digits();
            clocks("2026-01-05");
            as("supervisor").post("/api/contributions/admin/overdue-check").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("agent").get("/api/recovery/debtors/companies/" + COMPANY).then()
                    .statusCode(200).body("cases.size()", equalTo(1)).body("cases[0].coDebtors.size()", equalTo(1)));
            String id = as("agent").get("/api/recovery/debtors/companies/" + COMPANY).then()
                    .body("cases[0].items[0].period", equalTo("2025")).body("cases[0].coDebtors[0].coDebtor", equalTo(DIRECTOR))
                    .body("cases[0].coDebtors[0].kind", equalTo("DIRECTOR")).extract().path("cases[0].id");
            companyClaimsWhatIsOpen(id);
            as("agent").get("/api/recovery/debtors/" + DIRECTOR).then().statusCode(200)
                    .body("jointCases.find { it.caseId == '" + id + "' }.amount", equalTo(amount.floatValue()));
            as("agent").contentType("text/plain").body(CodaFiles.statement(sequence++, digits, new BigDecimal("100.00"), LocalDate.of(2026, 1, 6)))
                    .post("/api/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("agent").get("/api/recovery/debtors/" + DIRECTOR).then()
                    .body("jointCases.find { it.caseId == '" + id + "' }.amount", equalTo(amount.subtract(new BigDecimal("100.00")).floatValue())));
            companyClaimsWhatIsOpen(id);
        } finally {
            clocks(null);
        }
    }

    private static void companyClaimsWhatIsOpen(String caseId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            BigDecimal open = new BigDecimal(as("agent").get("/api/contributions/companies/" + COMPANY).then().statusCode(200)
                    .extract().jsonPath().getString("outstanding"));
            BigDecimal claimed = new BigDecimal(as("agent").get("/api/recovery/cases/" + caseId).then().statusCode(200)
                    .extract().jsonPath().getString("debt"));
            assertEquals(0, open.compareTo(claimed), "the company's case claims what its account has open: " + open + " vs " + claimed);
        });
    }
}
