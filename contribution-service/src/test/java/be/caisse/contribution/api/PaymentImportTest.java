package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bank statements in (the real KBC CODA file, and one paying a notice of ours): matched, unmatched, never twice. */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class PaymentImportTest {
    static final String PROBLEM = "application/problem+json";

    @Inject
    AccountService accounts;

    static byte[] realSample() throws IOException {
        return be.caisse.contribution.domain.CodaReaderTest.sampleBytes();
    }

    long unmatchedCount() {
        return ((Number) given().get("/contributions/payments/unmatched").then().statusCode(200).extract().path("totalItems")).longValue();
    }

    @Test
    void theRealStatementIsBookedOnceAndItsPaymentsListedAsUnmatched() throws IOException {
        given().contentType("text/plain").body(realSample()).post("/contributions/payments/statements/coda")
                .then().statusCode(201)
                .body("movements", equalTo(5)).body("credits", equalTo(2))
                .body("matched", equalTo(0)).body("unmatched", equalTo(2))
                .body("unmatchedAmount", equalTo(3108.19f));
        given().get("/contributions/payments/unmatched?size=100").then().statusCode(200)
                .body("items.structuredCommunication", hasItem("240283842818"))
                .body("items.counterpartyName", hasItem("PARTNER 2"));
        long before = unmatchedCount();
        given().contentType("text/plain").body(realSample()).post("/contributions/payments/statements/coda")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already imported"));
        assertEquals(before, unmatchedCount(), "nothing booked twice");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndNothingIsBooked() throws IOException {
        long before = unmatchedCount();
        String broken = new String(realSample(), StandardCharsets.ISO_8859_1).replace("PARTNER 2", "PARTNER 22");
        given().contentType("text/plain").body(broken).post("/contributions/payments/statements/coda")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("Line 9"))
                .body("type", containsString("coda-invalid"));
        given().contentType("text/plain").body("").post("/contributions/payments/statements/coda")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(before, unmatchedCount());
    }

    @Test
    void aPaymentWithTheNoticesCommunicationPaysTheQuarter() {
        String niss = "70010100287";
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss,
                ContributorCategory.PRINCIPAL, LocalDate.of(2026, 10, 1), false)));
        ContributionQuarterEntity notice = QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", niss, "2026-Q4").firstResult());
        BigDecimal total = notice.legalAmount.add(notice.fee);
        given().contentType("text/plain").body(CodaFiles.statement(777, notice.structuredCommunication, total))
                .post("/contributions/payments/statements/coda")
                .then().statusCode(201).body("matched", equalTo(1)).body("unmatched", equalTo(0));
        given().get("/contributions/accounts/" + niss + "/quarters/2026-Q4").then().statusCode(200)
                .body("paid", equalTo(total.floatValue()))
                .body("outstanding", equalTo(0.0f));
        given().get("/contributions/accounts/" + niss + "/tax-certificates/2026").then().statusCode(200)
                .body("contributionsPaid", equalTo(total.floatValue()))   // value date 1 December 2026
                .body("byQuarter[0].quarter", equalTo("2026-Q4"));
        given().get("/contributions/accounts/" + niss + "/tax-certificates/2025").then().statusCode(200)
                .body("contributionsPaid", equalTo(0.0f));
        given().get("/contributions/accounts/" + niss + "/tax-certificates/2099").then().statusCode(400);
        TopicReader.Event paid = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.PAYMENT_RECEIVED.equals(e.header("ce_type")) && niss.equals(e.key()));
        EventSchemas.assertValid(paid.header("ce_type"), paid.value());
    }

    @Test
    @TestSecurity(user = "marc", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "90030224653"))
    void membersCannotImportStatements() throws IOException {
        given().contentType("text/plain").body(realSample()).post("/contributions/payments/statements/coda").then().statusCode(403);
        given().get("/contributions/payments/unmatched").then().statusCode(403);
    }
}
