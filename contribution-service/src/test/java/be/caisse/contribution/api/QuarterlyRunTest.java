package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.math.BigDecimal;
import be.caisse.contribution.domain.IncomeSource;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The quarterly call: a notice for every liable contributor, once, with a valid communication and its event. */
@QuarkusTest
@TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
class QuarterlyRunTest {
    static final String QUARTER = "2026-Q3";

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    static final String WITH_INCOME = "72030360661";

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Inject
    be.caisse.common.time.CaisseClock clock;

    @Test
    void everyLiableContributorGetsOneNoticeAndOneEventAndARerunCreatesNothing() {
        // registered in June: the quarters begun (Q1, Q2) are billed at once; Q3 is the run's, on 1 July
        clock.setToday(LocalDate.of(2026, 6, 15));
        // numbers no other test class uses: the test classes share one application and database
        String[] nisses = {"70010101376", "70010101475", "70010101574", "70010101673", "70010101772"};
        ContributorCategory[] categories = {ContributorCategory.PRINCIPAL, ContributorCategory.COMPLEMENTARY,
                ContributorCategory.STUDENT, ContributorCategory.HELPING_SPOUSE, ContributorCategory.AFTER_PENSION_AGE};
        for (int i = 0; i < nisses.length; i++) {
            String niss = nisses[i];
            ContributorCategory category = categories[i];
            QuarkusTransaction.requiringNew().run(() -> accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss,
                    category, LocalDate.of(2026, 1, 1), false)));
        }
        // one with a tax income of N-3: the notice keeps the income, its year and the coefficient it was revalued by
        QuarkusTransaction.requiringNew().run(() -> {
            accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), WITH_INCOME, ContributorCategory.PRINCIPAL,
                    LocalDate.of(2015, 1, 1), false));
            ReferenceIncomeEntity income = new ReferenceIncomeEntity();
            income.niss = WITH_INCOME;
            income.year = 2023;
            income.source = IncomeSource.TAX_ADMINISTRATION;
            income.amount = new BigDecimal("40000.00");
            income.recordedAt = java.time.OffsetDateTime.now();
            income.recordedBy = "test";
            income.persist();
        });
        clock.setToday(LocalDate.of(2026, 7, 1));
        given().post("/contributions/runs/" + QUARTER).then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/contributions/runs/" + QUARTER).then().statusCode(200).body("status", equalTo("COMPLETED")));
        long liable = count("SELECT count(DISTINCT niss) FROM liability_period WHERE starts_on <= DATE '2026-09-30' "
                + "AND (ends_on IS NULL OR ends_on >= DATE '2026-07-01')");
        long skipped = ((Number) given().get("/contributions/runs/" + QUARTER).then().extract().path("skipped")).longValue();
        long notices = count("SELECT count(*) FROM contribution_quarter WHERE quarter = '" + QUARTER + "' AND cancelled_at IS NULL");
        assertEquals(liable - skipped, notices, "one notice for every liable contributor that could be computed");
        assertEquals(0L, count("SELECT count(*) FROM contribution_quarter WHERE quarter = '2026-Q4' AND niss = '70010101376'"),
                "the quarter to come is not billed before its run");
        assertEquals(count("SELECT count(*) FROM contribution_quarter WHERE quarter = '" + QUARTER + "'"),
                count("SELECT count(DISTINCT structured_communication) FROM contribution_quarter WHERE quarter = '" + QUARTER + "'"));
        assertEquals(count("SELECT count(*) FROM contribution_quarter WHERE quarter = '" + QUARTER + "'") + count(
                        "SELECT coalesce(sum(revision / 2), 0) FROM contribution_quarter WHERE quarter = '" + QUARTER + "'"),
                count("SELECT count(*) FROM outbox_history WHERE event_type = '" + ContributionEvents.NOTICE_ISSUED
                        + "' AND subject LIKE '%/" + QUARTER + "'"), "one notice-issued event per notice issued (or issued again)");
        List<?> communications = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT structured_communication FROM contribution_quarter WHERE quarter = '" + QUARTER + "'").getResultList());
        communications.forEach(c -> StructuredCommunication.parse((String) c));   // every one has valid check digits
        // the student's Q3: no reference income, first year: the starter amount on the complementary threshold
        given().get("/contributions/accounts/70010101574/quarters/" + QUARTER).then().statusCode(200)
                .body("noticeIssued", equalTo(true)).body("legalAmount", equalTo(96.44f));

        given().get("/contributions/accounts/" + WITH_INCOME + "/quarters/" + QUARTER).then().statusCode(200)
                .body("noticeIssued", equalTo(true))
                .body("legalAmount", equalTo(2198.34f))          // 40,000 × 1.07236269 × 20.5 % ÷ 4 (as on demand)
                .body("basis.income", equalTo(40000.00f))
                .body("basis.incomeYear", equalTo(2023))
                .body("basis.coefficient", equalTo(1.07236269f))
                .body("basis.incomeSource", equalTo("TAX_ADMINISTRATION"));

        // again: nothing twice
        given().post("/contributions/runs/" + QUARTER).then().statusCode(202).body("status", equalTo("COMPLETED")).body("total", equalTo(0));
        assertEquals(notices, count("SELECT count(*) FROM contribution_quarter WHERE quarter = '" + QUARTER + "' AND cancelled_at IS NULL"));
        clock.setToday(LocalDate.of(2026, 12, 1));

        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.NOTICE_ISSUED.equals(e.header("ce_type")) && "70010101574".equals(e.key()));
        EventSchemas.assertValid(event.header("ce_type"), event.value());
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorStartsARunAndBadQuartersAreRefused() {
        given().post("/contributions/runs/2026-Q1").then().statusCode(403);
        given().get("/contributions/runs/2026-Q5").then().statusCode(400).body("errors[0].field", equalTo("quarter"));
        given().get("/contributions/runs/2031-Q1").then().statusCode(404);
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void oneRunOfAQuarterAtATimeAcrossInstances() throws Exception {
        // another instance of the service holds the quarter's lock
        try (java.sql.Connection other = dataSource.getConnection();
             java.sql.PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, be.caisse.common.persistence.AdvisoryLocks.QUARTERLY_RUN + 2031 * 10L + 2);
            lock.execute();
            try {
                given().post("/contributions/runs/2031-Q2").then().statusCode(409).contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("another instance"));
            } finally {
                try (java.sql.PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, be.caisse.common.persistence.AdvisoryLocks.QUARTERLY_RUN + 2031 * 10L + 2);
                    unlock.execute();
                }
            }
        }
    }
}
