package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.application.QuarterlyRunService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Surcharges stop at a judicial step (REFERENCE.md §2.9): a contrainte served on 24 July 2025 for 2025-Q1 makes the
 * surcharge of 30 June 2025 its last one (after that of 31 March, its due date) — none at 30 September, 31 December
 * nor the 7 % of 1 January — while the same quarter unpaid on an account without a judicial step keeps them all.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = {"admin", "agent"})
class SurchargeStopTest {
    static final String SERVED = Nisses.of(LocalDate.of(1980, 8, 8), 51);
    static final String CONTROL = Nisses.of(LocalDate.of(1980, 8, 8), 53);

    @Inject
    AccountService accounts;

    @Inject
    QuarterlyRunService runs;

    @Inject
    be.caisse.contribution.application.PaymentImportService imports;

    @Inject
    be.caisse.contribution.application.SurchargeService surchargeService;

    void today(String date) {
        given().contentType("application/json").body("{\"today\":\"" + date + "\"}").put("/contributions/admin/clock").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    List<Object[]> surcharges(String niss) {
        return QuarkusTransaction.requiringNew().call(() -> be.caisse.contribution.persistence.LedgerEntryEntity.getEntityManager()
                .createNativeQuery("SELECT booked_on, amount FROM ledger_entry WHERE account = :a AND period = '2025-Q1' AND kind = 'SURCHARGE' "
                        + "ORDER BY booked_on").setParameter("a", niss).getResultList());
    }

    @Test
    void aServedContrainteMakesTheQuarterBeforeItTheLastSurcharge() {
        today("2025-01-10");
        for (String niss : new String[]{SERVED, CONTROL}) {
            QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss,
                    ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        }
        try {
            runs.runNow(Quarter.parse("2025-Q1"), "test");
            String marker = UUID.randomUUID().toString();
            TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.events", SERVED, """
                    {"caseId":"%s","reference":"REC-2025-000007","debtor":"%s","from":"CONTRAINTE_ISSUED","to":"CONTRAINTE_SERVED",
                     "on":"2025-07-24","by":"agent","debt":934.22,"periods":["2025-Q1"]}""".formatted(UUID.randomUUID(), SERVED),
                    Map.of("ce_id", marker, "ce_type", "be.caisse.recovery.case-moved.v1", "ce_specversion", "1.0",
                            "ce_source", "/caisse/recovery-service"));
            await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(marker, "contribution-service/recovery"));
            today("2026-01-05");
            given().post("/contributions/admin/surcharge-run").then().statusCode(200);
            List<Object[]> control = surcharges(CONTROL);
            List<Object[]> served = surcharges(SERVED);
            assertEquals(List.of("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-01-01"),
                    control.stream().map(r -> r[0].toString()).toList(), "without a judicial step: every quarter end and 1 January");
            assertEquals(List.of("2025-03-31", "2025-06-30"), served.stream().map(r -> r[0].toString()).toList(),
                    "served on 24 July 2025: the last surcharge is that of 30 June");
            assertEquals((BigDecimal) control.get(0)[1], (BigDecimal) served.get(0)[1], "the same 3 % on the same base");
        } finally {
            given().delete("/contributions/admin/clock");
        }
    }

    /**
     * A payment plan agreed by recovery-service announces its instalments' structured communications: a statement's
     * payment with one is matched to the debtor's account (also one that came before the announcement), imputed as any
     * payment, and told back with its communication.
     */
    @Test
    void aPlanInstalmentIsMatchedByItsCommunication() {
        String debtor = Nisses.of(LocalDate.of(1980, 8, 8), 55);
        today("2025-01-10");
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), debtor,
                ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        try {
            String communication = be.caisse.common.identifiers.StructuredCommunication.fromReference(2580000123L).digits();
            // the debtor pays before the plan reaches contribution-service: unmatched for now, not lost
            given().contentType("text/plain").body(CodaFiles.statement(951, communication, new BigDecimal("300.00"), LocalDate.of(2025, 1, 20)))
                    .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", org.hamcrest.Matchers.equalTo(0));
            String marker = UUID.randomUUID().toString();
            TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.events", debtor, """
                    {"planId":"%s","caseId":"%s","reference":"REC-2025-000009","debtor":"%s","status":"APPROVED","on":"2025-01-10",
                     "amount":600.00,"instalments":[{"number":1,"dueOn":"2025-01-31","amount":300.00,"structuredCommunication":"%s"}],
                     "periods":["2025-Q1"]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), debtor, communication),
                    Map.of("ce_id", marker, "ce_type", "be.caisse.recovery.plan-changed.v1", "ce_specversion", "1.0",
                            "ce_source", "/caisse/recovery-service"));
            await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(marker, "contribution-service/recovery"));
            TopicReader.Event received = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.contribution.events",
                    Duration.ofSeconds(30), e -> "be.caisse.contribution.payment-received.v1".equals(e.header("ce_type"))
                            && e.value().contains(debtor));
            be.caisse.testsupport.EventSchemas.assertValid("be.caisse.contribution.payment-received.v1", received.value());
            org.junit.jupiter.api.Assertions.assertTrue(received.value().contains(
                    be.caisse.common.identifiers.StructuredCommunication.parse(communication).formatted()), received.value());
        } finally {
            given().delete("/contributions/admin/clock");
        }
    }

    /**
     * Nothing lost: the plan is announced while the statement that pays its instalment is still being imported (its
     * transaction open). The announcement waits for the import, then finds the payment; without that order each
     * transaction looks before the other commits and the payment stays unmatched for good.
     */
    @Test
    void aPlanAnnouncedDuringTheImportOfItsPaymentStillFindsIt() throws Exception {
        String debtor = Nisses.of(LocalDate.of(1980, 8, 8), 59);
        today("2025-01-10");
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), debtor,
                ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        String communication = be.caisse.common.identifiers.StructuredCommunication.fromReference(2580000224L).digits();
        try (OpenTransaction importing = OpenTransaction.holding(() -> imports.importCoda(
                CodaFiles.statement(953, communication, new BigDecimal("300.00"), LocalDate.of(2025, 1, 20)), "test"))) {
            String marker = UUID.randomUUID().toString();
            TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.events", debtor, """
                    {"planId":"%s","caseId":"%s","reference":"REC-2025-000011","debtor":"%s","status":"APPROVED","on":"2025-01-10",
                     "amount":600.00,"instalments":[{"number":1,"dueOn":"2025-01-31","amount":300.00,"structuredCommunication":"%s"}],
                     "periods":["2025-Q1"]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), debtor, communication),
                    Map.of("ce_id", marker, "ce_type", "be.caisse.recovery.plan-changed.v1", "ce_specversion", "1.0",
                            "ce_source", "/caisse/recovery-service"));
            Thread.sleep(2000); // time for the consumer to reach the import's lock (or, without it, to look in vain)
            org.junit.jupiter.api.Assertions.assertFalse(CorrectionFlowTest.processed(marker, "contribution-service/recovery"),
                    "the announcement waits for the import that holds its communication");
            importing.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(marker, "contribution-service/recovery"));
            assertEquals(List.of("MATCHED"), QuarkusTransaction.requiringNew().call(() -> be.caisse.contribution.persistence.PaymentEntity
                    .<be.caisse.contribution.persistence.PaymentEntity>list("structuredCommunication", communication).stream()
                    .map(p -> p.status).toList()));
        } finally {
            given().delete("/contributions/admin/clock");
        }
    }

    /**
     * The service is often recorded later than the quarter ends that followed it: the surcharges booked after the
     * stop are then cancelled, once, and recovery-service is told (surcharge-cancelled).
     */
    @Test
    void surchargesBookedBeforeTheStopWasKnownAreCancelled() {
        String late = Nisses.of(LocalDate.of(1980, 8, 8), 57);
        today("2025-01-10");
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), late,
                ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        try {
            runs.runNow(Quarter.parse("2025-Q1"), "test");
            today("2026-01-05");
            given().post("/contributions/admin/surcharge-run").then().statusCode(200);
            List<Object[]> booked = surcharges(late);
            assertEquals(5, booked.size(), "every quarter end and 1 January, the stop not known yet");
            BigDecimal afterJune = booked.subList(2, 5).stream().map(r -> (BigDecimal) r[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
            String marker = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) { // delivered twice: cancelled once
                TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.events", late, """
                        {"caseId":"%s","reference":"REC-2025-000011","debtor":"%s","from":"CONTRAINTE_ISSUED","to":"CONTRAINTE_SERVED",
                         "on":"2025-07-24","by":"agent","debt":1000.00,"periods":["2025-Q1"]}""".formatted(UUID.randomUUID(), late),
                        Map.of("ce_id", i == 0 ? marker : UUID.randomUUID().toString(), "ce_type", "be.caisse.recovery.case-moved.v1",
                                "ce_specversion", "1.0", "ce_source", "/caisse/recovery-service"));
            }
            TopicReader.Event cancelled = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.contribution.events",
                    Duration.ofSeconds(30), e -> "be.caisse.contribution.surcharge-cancelled.v1".equals(e.header("ce_type")) && late.equals(e.key()));
            be.caisse.testsupport.EventSchemas.assertValid("be.caisse.contribution.surcharge-cancelled.v1", cancelled.value());
            assertEquals(0, afterJune.compareTo(new BigDecimal(io.restassured.path.json.JsonPath.from(cancelled.value()).getString("amount"))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                    ((BigDecimal) booked.get(0)[1]).add((BigDecimal) booked.get(1)[1]).floatValue(),
                    given().get("/contributions/accounts/" + late + "/quarters/2025-Q1").then().statusCode(200).extract().jsonPath()
                            .getFloat("surchargesOutstanding"), 0.001, "31 March and 30 June only"));
            given().post("/contributions/admin/surcharge-run").then().statusCode(200);
            assertEquals(((BigDecimal) booked.get(0)[1]).add((BigDecimal) booked.get(1)[1]).floatValue(),
                    given().get("/contributions/accounts/" + late + "/quarters/2025-Q1").then().extract().jsonPath()
                            .getFloat("surchargesOutstanding"), 0.001, "not booked again");
        } finally {
            given().delete("/contributions/admin/clock");
        }
    }

    /**
     * Nothing booked twice, nothing left standing: the contrainte's service arrives while a surcharge pass is booking
     * the account's surcharges after it (its transaction open). The stop waits for the pass, then cancels what it
     * booked after 30 June; without that order it would find nothing to cancel and the pass would commit them.
     */
    @Test
    void surchargesBookedWhileTheStopArrivesAreCancelledToo() throws Exception {
        String debtor = Nisses.of(LocalDate.of(1980, 8, 8), 61);
        today("2025-01-10");
        QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), debtor,
                ContributorCategory.PRINCIPAL, LocalDate.of(2025, 1, 1), true)));
        try {
            runs.runNow(Quarter.parse("2025-Q1"), "test");
            today("2026-01-05");
            try (OpenTransaction pass = OpenTransaction.holding(() ->
                    assertEquals(5, surchargeService.applyTo(debtor), "every quarter end and 1 January"))) {
                String marker = UUID.randomUUID().toString();
                TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.events", debtor, """
                        {"caseId":"%s","reference":"REC-2025-000013","debtor":"%s","from":"CONTRAINTE_ISSUED","to":"CONTRAINTE_SERVED",
                         "on":"2025-07-24","by":"agent","debt":1000.00,"periods":["2025-Q1"]}""".formatted(UUID.randomUUID(), debtor),
                        Map.of("ce_id", marker, "ce_type", "be.caisse.recovery.case-moved.v1", "ce_specversion", "1.0",
                                "ce_source", "/caisse/recovery-service"));
                Thread.sleep(2000); // time for the consumer to reach the account's lock (or, without it, to cancel nothing)
                org.junit.jupiter.api.Assertions.assertFalse(CorrectionFlowTest.processed(marker, "contribution-service/recovery"),
                        "the stop waits for the pass that is booking the account");
                pass.commit();
                await().atMost(Duration.ofSeconds(30)).until(() -> CorrectionFlowTest.processed(marker, "contribution-service/recovery"));
                List<Object[]> surcharges = surcharges(debtor);
                assertEquals(5, surcharges.size());
                float kept = ((BigDecimal) surcharges.get(0)[1]).add((BigDecimal) surcharges.get(1)[1]).floatValue();
                assertEquals(kept, given().get("/contributions/accounts/" + debtor + "/quarters/2025-Q1").then().statusCode(200)
                        .extract().jsonPath().getFloat("surchargesOutstanding"), 0.001, "31 March and 30 June only");
            }
        } finally {
            given().delete("/contributions/admin/clock");
        }
    }

    /**
     * Work done in a transaction of its own thread and held open until {@link #commit()}: how the race tests put a
     * second transaction in the middle of the first.
     */
    static final class OpenTransaction implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.Future<?> committed;

        private OpenTransaction(Runnable work) {
            committed = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                done.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        /** Starts the work and returns once it is done, its transaction still open. */
        static OpenTransaction holding(Runnable work) throws Exception {
            OpenTransaction t = new OpenTransaction(work);
            if (!t.done.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                t.close();
                t.committed.get(1, java.util.concurrent.TimeUnit.SECONDS); // its failure, if it failed
                throw new AssertionError("the work did not finish within 30 s");
            }
            return t;
        }

        void commit() throws Exception {
            release.countDown();
            committed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdownNow();
        }
    }
}
