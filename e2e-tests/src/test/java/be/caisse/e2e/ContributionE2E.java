package be.caisse.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.testsupport.CodaFiles;
import java.math.BigDecimal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the contribution domain does so far, through the gateway: quarters computed on demand with their basis,
 * a CODA statement paying lea's first notice, the parameters.
 */
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class ContributionE2E {
    private static final String LEA = "85071412330";
    private static final String PROBLEM = "application/problem+json";

    @Test
    @Order(1)
    void aQuarterIsComputedOnDemandAndExplained() {
        given().header("Authorization", Tokens.bearer("lea")).get("/api/contributions/accounts/" + LEA + "/quarters/2027-Q2")
                .then().statusCode(200)
                .body("legalAmount", equalTo(890.42f))
                .body("noticeIssued", equalTo(false))
                .body("basis.incomeSource", equalTo("STARTER_MINIMUM_BASE"))
                .body("basis.parameterYear", equalTo(2026));   // 2027 not loaded yet: said in basis.rule
    }

    @Test
    @Order(2)
    void aCodaStatementThroughTheGatewayPaysLeasFirstNotice() {
        io.restassured.path.json.JsonPath first = given().header("Authorization", Tokens.bearer("agent"))
                .get("/api/contributions/accounts/" + LEA + "/quarters").then().statusCode(200).extract().jsonPath();
        String communication = first.getString("items[0].structuredCommunication");
        String quarter = first.getString("items[0].quarter");
        Float total = first.getFloat("items[0].total");
        String coda = CodaFiles.statement(501, StructuredCommunication.parse(communication).digits(), new BigDecimal(total.toString()));
        given().header("Authorization", Tokens.bearer("agent")).contentType("text/plain").body(coda)
                .post("/api/contributions/payments/statements/coda")
                .then().statusCode(201).body("matched", equalTo(1));
        given().header("Authorization", Tokens.bearer("lea")).get("/api/contributions/accounts/" + LEA + "/quarters/" + quarter)
                .then().statusCode(200).body("paid", equalTo(total)).body("outstanding", equalTo(0.0f));
        given().header("Authorization", Tokens.bearer("agent")).contentType("text/plain").body(coda)
                .post("/api/contributions/payments/statements/coda")
                .then().statusCode(409).contentType(PROBLEM);
        given().header("Authorization", Tokens.bearer("agent")).contentType("text/plain").body(coda.substring(10))
                .post("/api/contributions/payments/statements/coda")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    @Order(3)
    void theParametersAreReadable() {
        // (that production refuses to move the clock is ProductionClockTest's: this stack runs with an adjustable clock)
        given().header("Authorization", Tokens.bearer("agent")).get("/api/contributions/parameters")
                .then().statusCode(200).body("items.year", hasItem(2026));
    }
}
