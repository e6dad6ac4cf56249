package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.testsupport.CodaFiles;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The annual company contribution over the affiliation events (REFERENCE.md §2.10): a balance sheet of N−2 above
 * €825,750.09 → €960.26, due 31 December, its director jointly liable; paid by bank statement; a company gone
 * bankrupt in the year with its contribution unpaid owes nothing for that year.
 */
@QuarkusTest
@TestSecurity(user = "supervisor", roles = {"supervisor", "agent"})
class CompanyContributionApiTest {
    static final String BIG = "0412345119";
    static final String BANKRUPT = "0412345218";
    static final String DIRECTOR = "72030340469";
    static final String UNPAID = "0403170701";
    static final String UNPAID_DIRECTOR = be.caisse.testsupport.Nisses.of(java.time.LocalDate.of(1979, 4, 4), 27);

    @jakarta.inject.Inject
    be.caisse.common.time.CaisseClock clock;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    static void send(String type, String key, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events", key, data, Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "be.caisse.affiliation." + type + ".v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/affiliation-service", "content-type", "application/json"));
    }

    static void company(String kbo) {
        send("company-registered", kbo, """
                {"enterpriseNumber":"%s","name":"SRL %s","legalForm":"SRL","incorporationDate":"2020-05-04","affiliationDate":"2020-05-04","lateAffiliation":false}
                """.formatted(kbo, kbo));
    }

    @Test
    void theCompanyContributionIsCalledByBracketWithItsJointlyLiableDirector() {
        company(BIG);
        send("balance-sheet-recorded", BIG, "{\"enterpriseNumber\":\"" + BIG + "\",\"financialYear\":2024,\"total\":900000.00}");
        send("mandate-started", BIG, """
                {"mandateId":"%s","enterpriseNumber":"%s","niss":"%s","role":"DIRECTOR","startDate":"2020-05-04"}
                """.formatted(UUID.randomUUID(), BIG, DIRECTOR));
        company(BANKRUPT);
        company(UNPAID);
        send("mandate-started", UNPAID, """
                {"mandateId":"%s","enterpriseNumber":"%s","niss":"%s","role":"MANAGER","startDate":"2021-01-01"}
                """.formatted(UUID.randomUUID(), UNPAID, UNPAID_DIRECTOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/contributions/companies/" + UNPAID).then().statusCode(200).body("directorsThisYear", contains(UNPAID_DIRECTOR));
            given().get("/contributions/companies/" + BIG).then().statusCode(200)
                    .body("enterpriseNumber", equalTo(BIG)).body("directorsThisYear", contains(DIRECTOR));
            given().get("/contributions/companies/" + BANKRUPT).then().statusCode(200);
        });
        given().post("/contributions/companies/runs/2026").then().statusCode(200).body("called", equalTo(3));
        given().header("Accept-Language", "en").get("/contributions/companies/" + BIG + "/contributions").then().statusCode(200)
                .body("items[0].bracket", equalTo("INCREASED"))      // the 2024 balance sheet (N-2) is above the threshold
                .body("items[0].balanceSheetTotal", equalTo(900000.00f))
                .body("items[0].rule", org.hamcrest.Matchers.containsString("increased amount"))
                .body("items[0].amount", equalTo(960.26f))
                .body("items[0].dueDate", equalTo("2026-12-31"))
                .body("items[0].jointlyLiable", contains(DIRECTOR));
        given().get("/contributions/companies/" + BIG).then().body("outstanding", equalTo(960.26f));
        given().post("/contributions/companies/runs/2026").then().statusCode(200).body("called", equalTo(0));

        String communication = given().get("/contributions/companies/" + BIG + "/contributions").then().extract().path("items[0].structuredCommunication");
        given().contentType("text/plain").body(CodaFiles.statement(701, communication.replaceAll("[^0-9]", ""), new BigDecimal("960.26")))
                .post("/contributions/payments/statements/coda").then().statusCode(201).body("matched", equalTo(1));
        given().get("/contributions/companies/" + BIG + "/contributions").then().body("items[0].outstanding", equalTo(0f))
                .body("items[0].paid", equalTo(960.26f));

        send("company-ceased", BANKRUPT, "{\"enterpriseNumber\":\"" + BANKRUPT + "\",\"date\":\"2026-11-20\",\"reason\":\"BANKRUPTCY\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/contributions/companies/" + BANKRUPT + "/contributions").then()
                .body("items[0].cancelled", equalTo(true)).body("items[0].outstanding", equalTo(0f)));

        TopicReader.Event cancelled = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.COMPANY_CONTRIBUTION_CANCELLED.equals(e.header("ce_type")) && BANKRUPT.equals(e.key()));
        EventSchemas.assertValid(cancelled.header("ce_type"), cancelled.value());
        org.junit.jupiter.api.Assertions.assertTrue(cancelled.value().contains("\"year\":2026"), cancelled.value());

        // after 31 December the unpaid one is overdue, once, with its manager jointly liable (art. 98 loi 30/12/1992);
        // the paid one and the cancelled one are not
        try {
            clock.setToday(java.time.LocalDate.of(2027, 1, 2));
            given().post("/contributions/admin/overdue-check").then().statusCode(200);
            given().post("/contributions/admin/overdue-check").then().statusCode(200);
        } finally {
            clock.reset();
        }
        TopicReader.Event overdue = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.COMPANY_CONTRIBUTION_OVERDUE.equals(e.header("ce_type")) && UNPAID.equals(e.key()));
        EventSchemas.assertValid(overdue.header("ce_type"), overdue.value());
        com.fasterxml.jackson.databind.JsonNode data = readJson(overdue.value());
        org.junit.jupiter.api.Assertions.assertEquals(384.44, data.path("outstanding").asDouble(), 0.0001, "the ordinary amount, nothing paid");
        org.junit.jupiter.api.Assertions.assertEquals("2026-12-31", data.path("dueDate").asText());
        org.junit.jupiter.api.Assertions.assertEquals(UNPAID_DIRECTOR, data.path("jointlyLiable").path(0).asText());
        org.junit.jupiter.api.Assertions.assertEquals(1L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_history WHERE event_type = :t "
                + "AND aggregate_id IN (:a, :b, :c)").setParameter("t", ContributionEvents.COMPANY_CONTRIBUTION_OVERDUE)
                .setParameter("a", UNPAID).setParameter("b", BIG).setParameter("c", BANKRUPT).getSingleResult()).longValue()), "reported once, only the unpaid one");

        TopicReader.Event issued = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ContributionEvents.TOPIC,
                Duration.ofSeconds(30), e -> ContributionEvents.COMPANY_CONTRIBUTION_ISSUED.equals(e.header("ce_type")) && BIG.equals(e.key()));
        EventSchemas.assertValid(issued.header("ce_type"), issued.value());
    }

    static com.fasterxml.jackson.databind.JsonNode readJson(String value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badEnterpriseNumbersAndRolesAreRefused() {
        given().get("/contributions/companies/0412345111").then().statusCode(400);
        given().get("/contributions/companies/0412345317").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorCallsTheYear() {
        given().post("/contributions/companies/runs/2026").then().statusCode(403);
    }
}
