package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LedgerEntryEntity;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A benefits decision that exempts a quarter (three full months of carer leave, REFERENCE.md §10.4) cancels that
 * quarter's notice with a reduction, like any exemption, and reconciling the account does not bill it again; the same decision
 * delivered twice changes nothing the second time.
 */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class BenefitExemptionTest {
    static final String CARER = Nisses.of(LocalDate.of(1976, 9, 9), 222);

    @jakarta.inject.Inject
    be.caisse.common.time.CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(LocalDate.of(2026, 12, 1));
    }

    static void decided(String eventId) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.benefits.events", CARER, """
                {"claimId":"%s","reference":"BEN-2026-000042","niss":"%s","type":"CARER_LEAVE","outcome":"GRANTED","total":5113.35,
                 "units":3,"unit":"MONTHS","exemptedQuarters":["2026-Q2"],"notifiedOn":"2026-11-30","paymentDue":"2027-03-30"}"""
                .formatted(UUID.randomUUID(), CARER), Map.of("ce_id", eventId, "ce_type", "be.caisse.benefits.claim-decided.v1",
                "ce_specversion", "1.0", "ce_source", "/caisse/benefits-service"));
    }

    @Test
    void theExemptedQuarterIsCancelledOnceAndNotBilledAgain() {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", CARER,
                AccountFlowTest.registered(CARER, "PRINCIPAL", "2026-01-01"), Map.of("ce_id", UUID.randomUUID().toString(),
                        "ce_type", "be.caisse.affiliation.registered.v1", "ce_specversion", "1.0", "ce_source", "/caisse/affiliation-service"));
        String base = "/contributions/accounts/" + CARER + "/quarters/";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(base + "2026-Q2").then().statusCode(200).body("state", equalTo("BILLED")));
        String event = UUID.randomUUID().toString();
        decided(event);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(base + "2026-Q2").then().statusCode(200).body("state", equalTo("CANCELLED")).body("outstanding", equalTo(0f)));
        given().get(base + "2026-Q1").then().body("state", equalTo("BILLED"));
        given().get(base + "2026-Q3").then().body("state", equalTo("BILLED"));
        decided(event);                          // redelivered
        decided(UUID.randomUUID().toString());   // published again
        String marker = UUID.randomUUID().toString();
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.benefits.events", CARER, "{}", Map.of("ce_id", marker,
                "ce_type", "be.caisse.benefits.claim-transitioned.v1", "ce_specversion", "1.0", "ce_source", "/caisse/benefits-service"));
        // behind the two on the same partition: once it is processed, so are they
        await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(marker, "contribution-service/benefits"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                LedgerEntryEntity.count("account = ?1 and reference like 'CANCEL:2026-Q2:%'", CARER)));
        ContributionQuarterEntity q2 = QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", CARER, "2026-Q2").firstResult());
        org.junit.jupiter.api.Assertions.assertNotNull(q2.cancelledAt);

        // the decision is revised: the leave was two full months, not three, so 2026-Q2 is no longer exempted and is
        // billed again (the correction reaches the account that saw the original), once however often it is delivered
        String revised = UUID.randomUUID().toString();
        revisedWithoutExemption(revised);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get(base + "2026-Q2").then().statusCode(200).body("state", equalTo("BILLED")));
        revisedWithoutExemption(revised);
        revisedWithoutExemption(UUID.randomUUID().toString());
        String second = UUID.randomUUID().toString();
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.benefits.events", CARER, "{}", Map.of("ce_id", second,
                "ce_type", "be.caisse.benefits.claim-transitioned.v1", "ce_specversion", "1.0", "ce_source", "/caisse/benefits-service"));
        await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(second, "contribution-service/benefits"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ContributionQuarterEntity.count(
                "niss = ?1 and quarter = ?2 and cancelledAt is null", CARER, "2026-Q2")), "billed again once");
        given().get(base + "2026-Q2").then().body("state", equalTo("BILLED"));
    }

    static void revisedWithoutExemption(String eventId) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.benefits.events", CARER, """
                {"claimId":"%s","revisionId":"%s","reference":"BEN-2026-000042","revision":"BEN-2026-000042-R1","niss":"%s",
                 "type":"CARER_LEAVE","previousOutcome":"GRANTED","previousTotal":5113.35,"outcome":"GRANTED","total":3408.90,
                 "units":2,"unit":"MONTHS","exemptedQuarters":[],"liftedQuarters":["2026-Q2"],"cause":"MEMBER_FACTS","undue":null,
                 "notifiedOn":"2026-12-01"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), CARER),
                Map.of("ce_id", eventId, "ce_type", "be.caisse.benefits.claim-revised.v1",
                        "ce_specversion", "1.0", "ce_source", "/caisse/benefits-service"));
    }
}
