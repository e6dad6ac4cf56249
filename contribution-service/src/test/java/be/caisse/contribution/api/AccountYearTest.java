package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.application.QuarterlyRunService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.RefundEntity;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One member through 2025 on the account (REFERENCE.md §2.8, §2.9, §2.1): 2025 minimum notices (€871.71 + 4.05 % =
 * €907.01), a quarter paid on time, one paid late with its 3 % surcharge (€26.15) later waived, a quarter unpaid
 * over the new year (3 % €26.15 and 7 % €61.02), a payment that pays the oldest principal first, an overpayment
 * refunded, the contribution slip for the mutualities, the regularisation on the 2025 tax income (€50,000:
 * €2,562.50 a quarter), the account statement and the tax certificates.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = {"admin", "agent"})
class AccountYearTest {
    static final String NISS = "72030310181";

    @Inject
    be.caisse.common.partner.PartnerEvents partners;

    @Inject
    AccountService accounts;

    @Inject
    QuarterlyRunService runs;

    void today(String date) {
        given().contentType("application/json").body("{\"today\":\"" + date + "\"}").put("/contributions/admin/clock").then().statusCode(200);
    }

    String communication(String quarter) {
        return QuarkusTransaction.requiringNew().call(() -> ContributionQuarterEntity.<ContributionQuarterEntity>find(
                "niss = ?1 and quarter = ?2", NISS, quarter).firstResult().structuredCommunication);
    }

    void pay(int sequence, String quarter, String amount, LocalDate day) {
        given().contentType("text/plain").body(CodaFiles.statement(sequence, communication(quarter), new BigDecimal(amount), day))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
    }

    JsonPath quarter(String q) {
        return given().get("/contributions/accounts/" + NISS + "/quarters/" + q).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aYearOnTheAccount() {
        // registered on 10 January 2025 for a start on 1 January: late, so no starter's extra quarter (§2.5)
        today("2025-01-10");
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), NISS,
                ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        // a member of Solidaris (300): her partner events go to caisse.partner.300.events only
        QuarkusTransaction.requiringNew().run(() -> partners.replaceHistory(NISS,
                List.of(new be.caisse.common.partner.PartnerEvents.Membership("300", LocalDate.of(2020, 1, 1)))));
        try {
            runs.runNow(Quarter.parse("2025-Q1"), "test");
            assertEquals(907.01f, quarter("2025-Q1").getFloat("total"));
            pay(501, "2025-Q1", "907.01", LocalDate.of(2025, 3, 20));
            assertEquals(0f, quarter("2025-Q1").getFloat("outstanding"), "paid on time");

            today("2025-04-10");
            runs.runNow(Quarter.parse("2025-Q2"), "test");
            today("2025-07-02");
            given().post("/contributions/admin/surcharge-run").then().statusCode(200);
            given().post("/contributions/admin/surcharge-run").then().statusCode(200).body("surchargesBooked", equalTo(0));
            assertEquals(26.15f, quarter("2025-Q2").getFloat("surcharges"), "3 % of 871.71 at the end of the quarter");
            given().post("/contributions/admin/overdue-check").then().statusCode(200);

            // a waiver is asked only once the quarter's contributions are paid
            given().contentType("application/json").body("{\"type\":\"SURCHARGE_WAIVER\",\"quarters\":[\"2025-Q2\"],\"motivation\":\"late\"}")
                    .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(400)
                    .body("type", org.hamcrest.Matchers.containsString("principal-unpaid"));

            runs.runNow(Quarter.parse("2025-Q3"), "test");
            // this pays the oldest principal first: Q2, then Q3 — not the surcharge
            pay(502, "2025-Q3", "1814.02", LocalDate.of(2025, 8, 10));
            assertEquals(0f, quarter("2025-Q2").getFloat("outstanding"));
            assertEquals(0f, quarter("2025-Q3").getFloat("outstanding"));
            assertEquals(26.15f, quarter("2025-Q2").getFloat("surchargesOutstanding"));

            String waiver = given().contentType("application/json")
                    .body("{\"type\":\"SURCHARGE_WAIVER\",\"quarters\":[\"2025-Q2\"],\"motivation\":\"hospitalised in June\"}")
                    .post("/contributions/accounts/" + NISS + "/requests").then().statusCode(201)
                    .body("status", equalTo("PENDING_INASTI")).extract().path("id");
            given().contentType("application/json").body("{\"approve\":true,\"note\":\"INASTI granted the remission\"}")
                    .post("/contributions/requests/" + waiver + "/decision").then().statusCode(200).body("status", equalTo("GRANTED"));
            assertEquals(0f, quarter("2025-Q2").getFloat("surchargesOutstanding"), "waived");

            today("2025-10-10");
            runs.runNow(Quarter.parse("2025-Q4"), "test");
            today("2026-01-02");
            given().post("/contributions/admin/surcharge-run").then().statusCode(200);
            assertEquals(87.17f, quarter("2025-Q4").getFloat("surcharges"), "3 % at 31 December (26.15) and 7 % on 1 January (61.02)");

            // Q4, its surcharges and 100.00 too much: the overpayment is refunded
            pay(503, "2025-Q4", "1094.18", LocalDate.of(2026, 1, 10));
            assertEquals(0f, quarter("2025-Q4").getFloat("outstanding"));
            assertEquals(0f, quarter("2025-Q4").getFloat("surchargesOutstanding"));
            List<RefundEntity> refunds = QuarkusTransaction.requiringNew().call(() -> RefundEntity.list("account", NISS));
            assertEquals(1, refunds.size());
            assertEquals(new BigDecimal("100.00"), refunds.get(0).amount);

            TopicReader.Event slip = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.partner.300.events",
                    Duration.ofSeconds(30), e -> NISS.equals(e.key()) && ContributionEvents.CONTRIBUTION_SLIP.equals(e.header("ce_type")));
            TopicReader.Event status = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.partner.300.events",
                    Duration.ofSeconds(30), e -> NISS.equals(e.key()) && ContributionEvents.PAYMENT_STATUS.equals(e.header("ce_type"))
                            && "PAID".equals(JsonPath.from(e.value()).getString("status")));
            EventSchemas.assertValid(status.header("ce_type"), status.value());
            assertEquals(List.of("PAID", "PAID", "PAID", "PAID"), JsonPath.from(status.value()).getList("quarters.status"));
            // the career INASTI is told: 2025-Q1 was UNPAID from the notice, PAID once paid (each change once)
            TopicReader.Event career = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.AUTHORITY_TOPIC,
                    Duration.ofSeconds(30), e -> NISS.equals(e.key()) && (NISS + "/2025-Q1").equals(e.header("ce_subject"))
                            && "PAID".equals(JsonPath.from(e.value()).getString("status")));
            EventSchemas.assertValid(career.header("ce_type"), career.value());
            assertEquals("UNPAID", JsonPath.from(career.value()).getString("previousStatus"));
            assertEquals(1, TopicReader.all(KafkaTestResource.bootstrapServers(), ContributionEvents.AUTHORITY_TOPIC).stream()
                    .filter(e -> (NISS + "/2025-Q1").equals(e.header("ce_subject")) && "PAID".equals(JsonPath.from(e.value()).getString("status")))
                    .count(), "told once");
            EventSchemas.assertValid(slip.header("ce_type"), slip.value());
            assertEquals(ContributionEvents.CONTRIBUTION_SLIP, slip.header("ce_type"));
            assertEquals(2025, JsonPath.from(slip.value()).getInt("year"));
            assertEquals(java.util.Set.of("niss", "year", "quarters", "issuedOn"), JsonPath.from(slip.value()).getMap("").keySet(),
                    "only what a mutuality needs");
            assertEquals(List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"), JsonPath.from(slip.value()).getList("quarters"));

            today("2026-11-26");
            given().contentType("application/json").body("{\"year\":2025,\"amount\":50000.00,\"source\":\"TAX_ADMINISTRATION\"}")
                    .post("/contributions/accounts/" + NISS + "/incomes").then().statusCode(201)
                    .body("regularisation.outcome", equalTo("SUPPLEMENT"))
                    .body("regularisation.total", equalTo(7037.08f))
                    .body("regularisation.dueDate", equalTo("2027-03-31"));
            JsonPath q1 = quarter("2025-Q1");
            assertEquals(2562.50f, q1.getFloat("definitive.legalAmount"));
            assertEquals(1759.27f, q1.getFloat("outstanding"), "the supplement of the quarter, with its fee");
            // recording the same income again changes nothing
            given().contentType("application/json").body("{\"year\":2025,\"amount\":50000.00,\"source\":\"TAX_ADMINISTRATION\"}")
                    .post("/contributions/accounts/" + NISS + "/incomes").then().statusCode(200)
                    .body("regularisation.outcome", equalTo("NONE"));

            JsonPath statement = given().queryParam("from", "2025-01-01").queryParam("to", "2026-12-31").queryParam("size", 100)
                    .get("/contributions/accounts/" + NISS + "/statement").then().statusCode(200).extract().jsonPath();
            assertEquals(7037.08f, statement.getFloat("closingBalance"), "all that is open is the supplement");
            assertEquals(7037.08f, statement.getFloat("outstanding"));
            assertEquals(0f, statement.getFloat("surchargesOutstanding"));
            List<String> kinds = statement.getList("lines.items.kind");
            given().header("Accept-Language", "nl").queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                    .get("/contributions/accounts/" + NISS + "/statement").then().statusCode(200)
                    .header("Content-Language", "nl")
                    .body("note", org.hamcrest.Matchers.containsString("vervaldag"))
                    .body("lines.items[0].description", equalTo("Voorlopige bijdrage 2025-Q1"));
            org.hamcrest.MatcherAssert.assertThat(statement.getList("lines.items.description", String.class),
                    org.hamcrest.Matchers.hasItem("Provisional contribution 2025-Q1"));
            for (String kind : List.of("CONTRIBUTION", "FEE", "PAYMENT", "SURCHARGE", "WAIVER", "REFUND", "REGULARISATION")) {
                org.hamcrest.MatcherAssert.assertThat(kinds, hasItem(kind));
            }

            given().get("/contributions/accounts/" + NISS + "/tax-certificates/2025").then().statusCode(200)
                    .body("contributionsPaid", equalTo(2721.03f));
            given().get("/contributions/accounts/" + NISS + "/tax-certificates/2026").then().statusCode(200)
                    .body("contributionsPaid", equalTo(907.01f)); // without the surcharges, without the refund
        } finally {
            given().delete("/contributions/admin/clock").then().statusCode(200);
        }
        TopicReader.Event surcharge = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.SURCHARGE_APPLIED.equals(e.header("ce_type")) && NISS.equals(e.key()));
        EventSchemas.assertValid(surcharge.header("ce_type"), surcharge.value());
        for (String type : List.of(ContributionEvents.PAYMENT_ALLOCATED, ContributionEvents.QUARTER_SETTLED,
                ContributionEvents.REFUND_ORDERED, ContributionEvents.REGULARISATION_COMPUTED)) {
            TopicReader.Event e = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                    Duration.ofSeconds(30), x -> type.equals(x.header("ce_type")) && NISS.equals(x.key()));
            EventSchemas.assertValid(e.header("ce_type"), e.value());
        }
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    void aMemberReadsOnlyTheirOwnStatement() {
        given().get("/contributions/accounts/" + NISS + "/statement").then().statusCode(403);
    }

    @Test
    void statementDatesAreValidated() {
        given().queryParam("from", "2026-13-01").get("/contributions/accounts/" + NISS + "/statement").then().statusCode(400);
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/contributions/accounts/" + NISS + "/statement")
                .then().statusCode(400).body("errors.find { it.field == 'to' }.code", equalTo("period-invalid"));
        given().queryParam("from", "2026-13-01").queryParam("to", "12345").queryParam("page", "x")
                .get("/contributions/accounts/" + NISS + "/statement").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("from", "to", "page"));
    }
}
