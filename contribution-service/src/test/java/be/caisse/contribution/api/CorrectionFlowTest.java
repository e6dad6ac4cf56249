package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LedgerEntryEntity;
import be.caisse.contribution.persistence.RefundEntity;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cessation recorded by mistake and then cancelled by a correction ({@code affiliation.corrected.v1}): the
 * person's whole timeline replaces what the account kept, the notices cancelled by the wrong cessation are billed
 * again with their payment references, the refund ordered for what had been paid is revoked so the money pays the
 * debt again, and a correction received twice changes nothing the second time.
 */
@QuarkusTest
@TestSecurity(user = "agent", roles = "agent")
class CorrectionFlowTest {
    static final String NISS = Nisses.of(LocalDate.of(1974, 4, 18), 211);
    static final UUID AFFILIATION = UUID.randomUUID();

    @jakarta.inject.Inject
    be.caisse.common.time.CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(LocalDate.of(2026, 12, 1));
    }

    static void send(String eventId, String type, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", NISS, data, Map.of(
                "ce_id", eventId, "ce_type", "be.caisse.affiliation." + type + ".v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service", "content-type", "application/json"));
    }

    static String corrected() {
        String data = """
                {"correctionId":"%s","niss":"%s","transitionId":"%s","transitionType":"CESSATION","action":"CANCEL",
                 "reason":"Cessation recorded on the wrong dossier","correctedBy":"agent","approvedBy":"supervisor",
                 "correctedAt":"2026-12-01T09:00:00Z",
                 "periods":[{"affiliationId":"%s","category":"PRINCIPAL","startDate":"2026-01-01","liableFrom":"2026-01-01","status":"ACTIVE"}]}
                """.formatted(UUID.randomUUID(), NISS, UUID.randomUUID(), AFFILIATION);
        EventSchemas.assertValid("be.caisse.affiliation.corrected.v1", data);
        return data;
    }

    @Test
    void aCancelledCessationBillsTheQuartersAgainRevokesTheRefundAndAppliesOnce() {
        send(UUID.randomUUID().toString(), "registered", """
                {"affiliationId":"%s","niss":"%s","firstName":"A","lastName":"B","category":"PRINCIPAL",
                 "startDate":"2026-01-01","liableFrom":"2026-01-01","lateRegistration":true,"registeredAt":"2026-11-26T10:00:00+01:00"}
                """.formatted(AFFILIATION, NISS));
        // registered in December for January: the four quarters of 2026 are billed at once
        await().atMost(Duration.ofSeconds(30)).until(() -> notices().size() == 4);
        ContributionQuarterEntity q1 = notice("2026-Q1");
        BigDecimal paid = q1.legalAmount.add(q1.fee);
        given().contentType("text/plain").body(CodaFiles.statement(611, q1.structuredCommunication, paid))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));

        // the wrong cessation: the activity "never started", every notice cancelled, the payment refunded
        send(UUID.randomUUID().toString(), "ceased", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","date":"2025-12-31","reason":"VOLUNTARY","liableUntil":"2025-12-31"}
                """.formatted(AFFILIATION, NISS));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices().stream().allMatch(n -> n.cancelledAt != null) && refunds().size() == 1);
        assertEquals("ORDERED", refunds().get(0).status);
        assertEquals(paid, refunds().get(0).amount, "all that was paid is refunded: the cancelled notices' surcharges went with them");
        given().get("/contributions/accounts/" + NISS).then().statusCode(200)
                .body("outstanding", equalTo(0f)).body("surchargesOutstanding", equalTo(0f));
        TopicReader.Event cancelled = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(),
                be.caisse.contribution.messaging.ContributionEvents.TOPIC, Duration.ofSeconds(30),
                e -> be.caisse.contribution.messaging.ContributionEvents.NOTICE_CANCELLED.equals(e.header("ce_type"))
                        && NISS.equals(e.key()) && e.value().contains("2026-Q1"));
        EventSchemas.assertValid(cancelled.header("ce_type"), cancelled.value());
        org.junit.jupiter.api.Assertions.assertTrue(
                io.restassured.path.json.JsonPath.from(cancelled.value()).getFloat("surchargesCancelled") > 0, cancelled.value());

        String correctionEvent = UUID.randomUUID().toString();
        String correction = corrected();
        send(correctionEvent, "corrected", correction);
        await().atMost(Duration.ofSeconds(30)).until(() -> notices().stream().allMatch(n -> n.cancelledAt == null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REVOKED".equals(refunds().get(0).status));
        assertEquals(q1.structuredCommunication, notice("2026-Q1").structuredCommunication, "billed again with the same reference");
        String base = "/contributions/accounts/" + NISS + "/quarters/";
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal surcharges = BigDecimal.ZERO;
        for (String quarter : List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")) {
            io.restassured.path.json.JsonPath line = given().get(base + quarter).then().statusCode(200)
                    .body("state", equalTo("BILLED")).body("liable", equalTo(true)).extract().jsonPath();
            billed = billed.add(new BigDecimal(line.getString("total")));
            surcharges = surcharges.add(new BigDecimal(line.getString("surcharges")));
        }
        // billed late, the quarters carry their surcharges again (computed anew from their due dates), and the
        // money of the revoked refund pays the debt again: nothing is left in credit
        org.junit.jupiter.api.Assertions.assertTrue(surcharges.signum() > 0, "surcharges booked again: " + surcharges);
        io.restassured.path.json.JsonPath account = given().get("/contributions/accounts/" + NISS).then().statusCode(200).extract().jsonPath();
        assertEquals(0, new BigDecimal(account.getString("credit")).signum());
        assertEquals(billed.add(surcharges).subtract(paid),
                new BigDecimal(account.getString("outstanding")).add(new BigDecimal(account.getString("surchargesOutstanding"))));
        long entries = ledgerEntries();
        int revision = notice("2026-Q2").revision;

        // the same event delivered again (a retry), and the same correction published a second time: nothing twice
        send(correctionEvent, "corrected", correction);
        send(UUID.randomUUID().toString(), "corrected", corrected());
        String marker = UUID.randomUUID().toString();
        send(marker, "life-event-recorded", """
                {"niss":"%s"}
                """.formatted(NISS)); // behind the two on the same partition: once it is processed, so are they
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker));
        assertEquals(entries, ledgerEntries(), "no ledger entry booked twice");
        assertEquals(revision, notice("2026-Q2").revision, "no notice issued twice");
        assertEquals(1, refunds().size());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() ->
                LedgerEntryEntity.count("account = ?1 and reference like 'REVOKE:%'", NISS)));
    }

    static boolean processed(String eventId) {
        return processed(eventId, "contribution-service");
    }

    static boolean processed(String eventId, String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) LedgerEntryEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE consumer = :c AND event_id = :id")
                .setParameter("c", consumer).setParameter("id", eventId).getSingleResult()).longValue() > 0);
    }

    static List<ContributionQuarterEntity> notices() {
        return QuarkusTransaction.requiringNew().call(() -> ContributionQuarterEntity.<ContributionQuarterEntity>list("niss", NISS));
    }

    static ContributionQuarterEntity notice(String quarter) {
        return QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", NISS, quarter).firstResult());
    }

    static List<RefundEntity> refunds() {
        return QuarkusTransaction.requiringNew().call(() -> RefundEntity.<RefundEntity>list("account", NISS));
    }

    static long ledgerEntries() {
        return QuarkusTransaction.requiringNew().call(() -> LedgerEntryEntity.count("account", NISS));
    }
}
