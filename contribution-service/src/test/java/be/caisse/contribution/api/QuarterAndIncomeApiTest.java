package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reference incomes in, the quarter computed on demand with its basis out; the adjustable clock. */
@QuarkusTest
class QuarterAndIncomeApiTest {
    static final String NISS = "70010100188";
    static final String PROBLEM = "application/problem+json";

    @Inject
    AccountService accounts;

    @Inject
    be.caisse.common.time.CaisseClock clock;

    @BeforeEach
    void account() {
        clock.setToday(LocalDate.of(2026, 12, 1));
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS,
                ContributorCategory.PRINCIPAL, LocalDate.of(2019, 1, 1), false)));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void theQuarterIsComputedOnTheRevaluedIncomeOfNMinus3() {
        // 2027 is not billed yet: its first quarter is computed on demand, on the income of 2024 (N-3), revalued by
        // the coefficient of 2027 (not loaded yet: the 2026 parameters are used and the rule says so)
        given().contentType("application/json").body("{\"year\":2024,\"amount\":40000.00,\"source\":\"TAX_ADMINISTRATION\"}")
                .post("/contributions/accounts/" + NISS + "/incomes").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        given().header("Accept-Language", "en").get("/contributions/accounts/" + NISS + "/quarters/2027-Q1").then().statusCode(200)
                .body("state", equalTo("COMPUTED"))
                .body("legalAmount", equalTo(2198.34f))          // 40,000 × 1.07236269 = 42,894.51 × 20.5 % ÷ 4
                .body("fee", equalTo(89.03f))                    // 4.05 %
                .body("total", equalTo(2287.37f))
                .body("outstanding", equalTo(2287.37f))
                .body("dueDate", equalTo("2027-03-31"))
                .body("noticeIssued", equalTo(false))
                .body("structuredCommunication", nullValue())
                .body("basis.incomeYear", equalTo(2024))
                .body("basis.incomeSource", equalTo("TAX_ADMINISTRATION"))
                .body("basis.coefficient", equalTo(1.07236269f))
                .body("basis.parameterYear", equalTo(2026))
                .body("basis.rule", equalTo("Income of 2024 (N-3), revalued by 1.07236269 (the parameters of 2027 are not loaded yet: those of 2026 are used)"));
        given().header("Accept-Language", "fr").get("/contributions/accounts/" + NISS + "/quarters/2027-Q1").then()
                .body("basis.rule", containsString("Revenu de 2024 (N-3)"));
        given().get("/contributions/accounts/" + NISS + "/incomes").then().statusCode(200)
                .body("items.year", hasItem(2024));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void whatCannotBeComputedSaysWhy() {
        // a start in 2019 registered in December 2026: 2019–2020 are prescribed (REFERENCE.md §5.1), 2021–2023 cannot
        // be computed (only 2024–2026 are loaded) and say why; 2024 onwards are billed at once
        given().get("/contributions/accounts/" + NISS + "/quarters/2019-Q1").then().statusCode(200)
                .body("liable", equalTo(true)).body("state", equalTo("PRESCRIBED")).body("reason", containsString("2025-01-01"));
        given().get("/contributions/accounts/" + NISS + "/quarters/2021-Q1").then().statusCode(200)
                .body("state", equalTo("NOT_COMPUTABLE")).body("reason", containsString("2021"));
        given().get("/contributions/accounts/" + NISS + "/quarters/2024-Q1").then().statusCode(200)
                .body("state", equalTo("BILLED")).body("dueDate", equalTo("2024-03-31"));
        given().get("/contributions/accounts/" + NISS + "/quarters/2018-Q4").then().statusCode(200)
                .body("liable", equalTo(false));
        given().get("/contributions/accounts/" + NISS + "/quarters?size=100").then().statusCode(200)
                .body("totalItems", equalTo(32))
                .body("items.findAll { it.state == 'PRESCRIBED' }.size()", equalTo(8))
                .body("items.findAll { it.state == 'NOT_COMPUTABLE' }.size()", equalTo(12))
                .body("items.findAll { it.state == 'BILLED' }.size()", equalTo(12));
        given().get("/contributions/accounts/" + NISS).then().statusCode(200).body("quartersNotBilled", equalTo(20));
        given().get("/contributions/accounts/" + NISS + "/quarters/2026-Q5").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("quarter"));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void incomesAreValidated() {
        String path = "/contributions/accounts/" + NISS + "/incomes";
        given().contentType("application/json").body("{\"year\":2023,\"amount\":-5,\"source\":\"TAX_ADMINISTRATION\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("amount"));
        given().contentType("application/json").body("{\"year\":2023,\"amount\":1.234,\"source\":\"TAX_ADMINISTRATION\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("amount"));
        given().contentType("application/json").body("{\"year\":2023,\"amount\":100,\"source\":\"GUESS\"}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("source"));
        given().contentType("application/json").body("{\"year\":" + LocalDate.now().getYear() + ",\"amount\":100,\"source\":\"TAX_ADMINISTRATION\"}")
                .post(path).then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body("{\"year\":2023,\"amount\":100,\"source\":\"TAX_ADMINISTRATION\"}")
                .post("/contributions/accounts/85071412330/incomes").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "90030224653"))
    void anAffiliateCannotRecordIncomesNorReadOthers() {
        given().contentType("application/json").body("{\"year\":2023,\"amount\":1,\"source\":\"DECLARED\"}")
                .post("/contributions/accounts/90030224653/incomes").then().statusCode(403);
        given().get("/contributions/accounts/" + NISS + "/quarters/2026-Q1").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void anAdminMovesTheClockWhereItIsAdjustable() {
        given().contentType("application/json").body("{\"today\":\"2027-04-01\"}").put("/contributions/admin/clock")
                .then().statusCode(200).body("today", equalTo("2027-04-01")).body("adjustable", equalTo(true));
        given().get("/contributions/admin/clock").then().body("today", equalTo("2027-04-01"));
        given().contentType("application/json").body("{\"today\":\"01/04/2027\"}").put("/contributions/admin/clock")
                .then().statusCode(400).body("errors.field", hasItem("today"));
        given().delete("/contributions/admin/clock").then().statusCode(200)
                .body("today", equalTo(LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).toString()));
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyAnAdminMovesTheClock() {
        given().contentType("application/json").body("{\"today\":\"2027-04-01\"}").put("/contributions/admin/clock")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
