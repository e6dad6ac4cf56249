package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.Camt053ReaderTest;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A camt.053 statement is booked like a CODA one: matched, allocated, never twice, nothing from a broken file. */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class Camt053ImportTest {
    static final String NISS = "72030380853";

    /** The sample statement, its first credit paying {@code communication} with {@code amount}. */
    static String statement(int sequence, String communication, BigDecimal amount) {
        BigDecimal closing = new BigDecimal("1000.00").add(amount).add(new BigDecimal("50.00")).subtract(new BigDecimal("12.50"));
        return Camt053ReaderTest.sample()
                .replace("<ElctrncSeqNb>65</ElctrncSeqNb>", "<ElctrncSeqNb>" + sequence + "</ElctrncSeqNb>")
                .replace("+++251/0000/00165+++", communication)
                .replace("907.01", amount.toPlainString())
                .replace("1944.51", closing.toPlainString());
    }

    @Test
    void aCamt053StatementPaysTheNotice() {
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS,
                ContributorCategory.PRINCIPAL, LocalDate.of(2026, 10, 1), false)));
        ContributionQuarterEntity notice = QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", NISS, "2026-Q4").firstResult());
        BigDecimal total = notice.legalAmount.add(notice.fee);
        String xml = statement(1065, StructuredCommunication.parse(notice.structuredCommunication).formatted(), total);

        given().contentType("application/xml").body("<Document><BkToCstmrStmt><Stmt><Bal></Stmt></BkToCstmrStmt></Document>")
                .post("/contributions/payments/statements/camt053").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("camt-invalid")).body("detail", containsString("Line 1"));
        given().get("/contributions/accounts/" + NISS + "/quarters/2026-Q4").then().body("paid", equalTo(0f));

        given().contentType("application/xml").body(xml).post("/contributions/payments/statements/camt053").then().statusCode(201)
                .body("credits", equalTo(2)).body("matched", equalTo(1)).body("unmatched", equalTo(1));
        given().get("/contributions/accounts/" + NISS + "/quarters/2026-Q4").then().statusCode(200)
                .body("paid", equalTo(total.floatValue())).body("outstanding", equalTo(0f));
        given().contentType("application/xml").body(xml).post("/contributions/payments/statements/camt053").then().statusCode(409);
        given().contentType("application/json").body("{}").post("/contributions/payments/statements/camt053").then().statusCode(415);
    }

    @jakarta.inject.Inject
    AccountService accounts;
}
