package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.testsupport.CodaFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A payment whose communication matches no notice waits in the agents' list until one puts it on an account. */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class PaymentAssignmentTest {
    static final String NISS = "72030370757";

    @Inject
    AccountService accounts;

    @Test
    void anAgentPutsAnUnmatchedPaymentOnTheRightAccount() {
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS,
                ContributorCategory.PRINCIPAL, LocalDate.of(2026, 10, 1), false)));
        String unknown = StructuredCommunication.fromReference(1_234_567_890L).digits();
        given().contentType("text/plain").body(CodaFiles.statement(901, unknown, new BigDecimal("926.48")))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("unmatched", equalTo(1));
        List<Map<String, Object>> unmatched = given().queryParam("size", 100).get("/contributions/payments/unmatched")
                .then().statusCode(200).extract().path("items");
        String id = unmatched.stream().filter(p -> unknown.equals(p.get("structuredCommunication"))).findFirst().orElseThrow().get("id").toString();

        given().contentType("application/json").body("{\"niss\":\"" + NISS + "\"}").post("/contributions/payments/" + id + "/assignment")
                .then().statusCode(200).body("status", equalTo("MATCHED")).body("niss", equalTo(NISS));
        // 2026-Q4 of a principal starter: 890.42 + 4.05 % = 926.48
        given().get("/contributions/accounts/" + NISS + "/quarters/2026-Q4").then().statusCode(200)
                .body("paid", equalTo(926.48f)).body("outstanding", equalTo(0f));
        given().contentType("application/json").body("{\"niss\":\"" + NISS + "\"}").post("/contributions/payments/" + id + "/assignment")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("never booked twice"));
    }

    @Test
    void badAssignmentsAreRefused() {
        given().contentType("application/json").body("{\"niss\":\"12345678901\"}")
                .post("/contributions/payments/" + UUID.randomUUID() + "/assignment")
                .then().statusCode(400).body("errors.field", hasItem(containsString("niss")));
        given().contentType("application/json").body("{}").post("/contributions/payments/" + UUID.randomUUID() + "/assignment")
                .then().statusCode(400);
        given().contentType("application/json").body("{\"niss\":\"" + NISS + "\"}")
                .post("/contributions/payments/" + UUID.randomUUID() + "/assignment").then().statusCode(404);
        given().contentType("application/json").body("{\"niss\":\"" + NISS + "\"}")
                .post("/contributions/payments/not-a-uuid/assignment").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    void aMemberCannotAssignPayments() {
        given().contentType("application/json").body("{\"niss\":\"" + NISS + "\"}")
                .post("/contributions/payments/" + UUID.randomUUID() + "/assignment").then().statusCode(403);
    }
}
