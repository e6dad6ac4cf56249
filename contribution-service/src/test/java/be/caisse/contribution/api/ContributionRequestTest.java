package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REFERENCE.md §2.7 (raise at any time, reduce on motivated request, warned of surcharges) and §2.11 (dispense). */
@QuarkusTest
class ContributionRequestTest {
    static final String NISS = "90030224653";   // marc
    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Brussels")).getYear();

    @Inject
    AccountService accounts;

    @BeforeEach
    void account() {
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS,
                ContributorCategory.PRINCIPAL, LocalDate.of(2015, 1, 1))));
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = NISS))
    void aRaiseAppliesAtOnceAReductionWaitsAndWarns() {
        // no reference income: the base is the principal minimum; 60,000 raises it
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR + ",\"estimatedIncome\":60000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                .body("status", equalTo("APPLIED"));
        given().get("/contributions/accounts/" + NISS + "/quarters/" + YEAR + "-Q4").then().statusCode(200)
                .body("basis.incomeSource", equalTo("DECLARED")).body("legalAmount", equalTo(3075.00f));
        // 30,000 lowers it: it waits for an agent, with the warning
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR + ",\"estimatedIncome\":30000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                .body("type", containsString("motivation-missing"));
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR
                        + ",\"estimatedIncome\":30000.00,\"motivation\":\"Lost my main client in March\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("warning", containsString("surcharges"))
                .body("currentBase", equalTo(60000.00f));
        given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"2099-Q1\"],\"motivation\":\"x\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                .body("type", containsString("exemption-future-quarter"));
        given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"" + YEAR + "-Q1\"],\"motivation\":\"Temporary difficulties\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(202)
                .body("status", equalTo("PENDING_INASTI"));
        given().contentType("application/json").body("{\"type\":\"GIFT\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400).body("errors.field", hasItem("type"));
        given().get("/contributions/accounts/" + NISS + "/requests").then().statusCode(200).body("totalItems", equalTo(3));
        given().get("/contributions/requests").then().statusCode(403);
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR + ",\"estimatedIncome\":1}")
                .post("/contributions/accounts/70010100188/requests").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void anAgentApprovesAReductionAndRecordsInastisDecision() {
        given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR
                        + ",\"estimatedIncome\":90000.00}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201);
        String reduction = given().contentType("application/json").body("{\"type\":\"ESTIMATE\",\"year\":" + YEAR
                        + ",\"estimatedIncome\":20000.00,\"motivation\":\"Long illness\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(202).extract().path("id");
        given().contentType("application/json").body("{\"approve\":true,\"note\":\"medical certificate\"}")
                .post("/contributions/requests/" + reduction + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().get("/contributions/accounts/" + NISS + "/quarters/" + YEAR + "-Q4").then()
                .body("legalAmount", equalTo(1025.00f));   // 20,000 × 20.5 % ÷ 4, above the minimum
        given().contentType("application/json").body("{\"approve\":false}")
                .post("/contributions/requests/" + reduction + "/decision").then().statusCode(409);
        String exemption = given().contentType("application/json").body("{\"type\":\"EXEMPTION\",\"quarters\":[\"" + YEAR
                        + "-Q2\"],\"motivation\":\"Temporary difficulties\"}")
                .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(202).extract().path("id");
        given().get("/contributions/requests?status=PENDING_INASTI").then().statusCode(200).body("items.id", hasItem(exemption));
        given().contentType("application/json").body("{\"approve\":false,\"note\":\"INASTI: reserves sufficient\"}")
                .post("/contributions/requests/" + exemption + "/decision").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decidedAt", notNullValue());
    }
}
