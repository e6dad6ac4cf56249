package be.caisse.benefits.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import be.caisse.benefits.application.ClaimService;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A birth recorded for a self-employed father proposes his birth leave by itself (REFERENCE.md §3.5: the fund's own
 * examination, the Charter's clock from the birth); an agent confirms it for him with his days, asks for information
 * (the clock stops), prepares the decision; the supervisor who prepared nothing approves it; the decision carries its
 * amount (20 × €105.60, in force on the birth date), its motivation and the art. 14 mentions in his language (nl).
 * A mourning leave asked too late is refused with the reason and the same mentions.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimFlowTest {
    static final String FATHER = Nisses.of(LocalDate.of(1988, 2, 2), 113);
    static final LocalDate BIRTH = LocalDate.of(2026, 5, 12);
    static String claim;

    @Inject
    CaisseClock clock;

    @BeforeEach
    void today() {
        clock.setToday(LocalDate.of(2026, 6, 20));
    }

    static void send(String topic, String type, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), topic, FATHER, data, Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_specversion", "1.0", "ce_source", "/caisse/test"));
    }

    static String days(LocalDate from, int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + from.plusDays(i) + "\"").collect(Collectors.joining(","));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "agent", roles = "agent")
    void aBirthProposesTheLeaveWithNothingMissing() {
        send("caisse.affiliation.events", "be.caisse.affiliation.person-registered.v1",
                "{\"niss\":\"" + FATHER + "\",\"firstName\":\"Pieter\",\"lastName\":\"Claes\",\"language\":\"nl\",\"sex\":\"M\"}");
        send("caisse.affiliation.events", "be.caisse.affiliation.registered.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","liableFrom":"2025-01-01","startDate":"2025-01-06"}"""
                .formatted(UUID.randomUUID(), FATHER));
        for (String q : new String[]{"2025-Q4", "2026-Q1"}) {
            send("caisse.contribution.events", "be.caisse.contribution.quarter-settled.v1", """
                    {"account":"%s","period":"%s","settledOn":"2026-04-02","due":926.48,"paid":926.48}""".formatted(FATHER, q));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + FATHER).then().statusCode(200).body("category", equalTo("PRINCIPAL")));
        send("caisse.affiliation.events", "be.caisse.affiliation.life-event-recorded.v1", """
                {"lifeEventId":"%s","niss":"%s","type":"BIRTH","date":"%s","source":"NATIONAL_REGISTER"}"""
                .formatted(UUID.randomUUID(), FATHER, BIRTH));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + FATHER + "/claims").then().statusCode(200)
                        .body("items.type", hasItem("BIRTH_LEAVE")));
        JsonPath claims = given().get("/benefits/members/" + FATHER + "/claims").then().extract().jsonPath();
        claim = claims.getString("items.find { it.type == 'BIRTH_LEAVE' }.id");
        // the father gets no maternity vouchers nor relief
        org.junit.jupiter.api.Assertions.assertEquals(1, claims.getList("items").size());
        given().get("/benefits/claims/" + claim).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("origin", equalTo("FUND"))
                .body("missing", hasSize(0))
                .body("deadlines.decisionDue", equalTo("2026-09-12")); // 4 months from the birth (ex officio, art. 10)
    }

    @Test
    @Order(2)
    @TestSecurity(user = "agent", roles = "agent")
    void anAgentConfirmsItForHimAsksForInformationAndPreparesTheDecision() {
        given().contentType("application/json").body("""
                {"niss":"%s","type":"BIRTH_LEAVE","factDate":"%s","fullDays":[%s],"postalCode":"1000","iban":"BE71 0961 2345 6769"}"""
                .formatted(FATHER, BIRTH, days(BIRTH.plusDays(1), 20)))
                .post("/benefits/claims").then().statusCode(201)
                .header("Location", containsString("/benefits/claims/" + claim))
                .body("id", equalTo(claim)).body("status", equalTo("FILED")).body("filedOn", equalTo("2026-06-20"));
        given().contentType("application/json").body("{\"question\":\"Please send the birth certificate.\"}")
                .post("/benefits/claims/" + claim + "/information-requests").then().statusCode(201)
                .body("status", equalTo("INFORMATION_REQUESTED"));
        clock.setToday(LocalDate.of(2026, 6, 25));
        given().contentType("application/json").body("{\"answer\":\"Certificate received by post.\"}")
                .post("/benefits/claims/" + claim + "/information-received").then().statusCode(200)
                .body("status", equalTo("FILED")).body("deadlines.daysSuspended", equalTo(5))
                .body("deadlines.decisionDue", equalTo("2026-09-17"));
        given().post("/benefits/claims/" + claim + "/decision").then().statusCode(200)
                .body("status", equalTo("PREPARED"))
                .body("decision.outcome", equalTo("GRANTED"))
                .body("decision.total", equalTo(2112.00f))                       // 20 × 105.60 (1 March 2026, derived)
                .body("decision.payments[0].due", equalTo("2026-07-31"))         // applied in June, leave ended 1 June
                .body("decision.payments[0].amountStatus", equalTo("derived"))
                .body("decision.preparedBy", equalTo("agent"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "agent", roles = {"agent", "supervisor"})
    void whoPreparedItCannotApproveIt() {
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + claim + "/approval")
                .then().statusCode(403).body("type", containsString("claim-four-eyes"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void theSupervisorApprovesAndTheDecisionSpeaksTheMembersLanguage() {
        given().contentType("application/json").body("{\"approve\":true,\"note\":\"ok\"}").post("/benefits/claims/" + claim + "/approval")
                .then().statusCode(200).body("status", equalTo("DECIDED"))
                .body("decision.decidedBy", equalTo("supervisor"))
                .body("decision.notifiedOn", equalTo("2026-06-20"))
                .body("deadlines.paymentDue", equalTo("2026-10-20"))
                .body("decision.appeal.court", containsString("Nederlandstalige arbeidsrechtbank Brussel"))
                .body("decision.appeal.appealBy", equalTo("2026-09-20"));
        // the member reads it in Dutch: the mentions of art. 14 in full
        given().header("Accept-Language", "nl").get("/benefits/claims/" + claim).then().statusCode(200)
                .body("decision.appeal.mentions", hasItem(containsString("Gerechtelijk Wetboek, art. 728")))
                .body("decision.appeal.mentions", hasItem(containsString("Gerechtelijk Wetboek, art. 1017")))
                .body("decision.appeal.mentions", hasItem(containsString("BEN-2026-")))
                .body("decision.motivation", hasItem(containsString("105.60")));
        TopicReader.Event decided = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> ClaimService.DECIDED.equals(e.header("ce_type")) && FATHER.equals(e.key()));
        EventSchemas.assertValid(ClaimService.DECIDED, decided.value());
        TopicReader.Event moved = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> ClaimService.TRANSITIONED.equals(e.header("ce_type")) && e.value().contains("\"to\":\"DECIDED\""));
        EventSchemas.assertValid(ClaimService.TRANSITIONED, moved.value());
        given().get("/benefits/claims/" + claim + "/trail").then().statusCode(200)
                .body("items.to", equalTo(java.util.List.of("PROPOSED", "FILED", "INFORMATION_REQUESTED", "FILED", "PREPARED", "DECIDED")));
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + claim + "/approval")
                .then().statusCode(409);
    }

    @Test
    @Order(5)
    @TestSecurity(user = "agent", roles = "agent")
    void aMourningLeaveAskedTooLateIsRefusedWithTheReason() {
        LocalDate death = LocalDate.of(2024, 3, 1);
        String id = given().contentType("application/json").body("""
                {"niss":"%s","type":"MOURNING_LEAVE","factDate":"%s","fullDays":[%s]}""".formatted(FATHER, death, days(death.plusDays(2), 5)))
                .post("/benefits/claims").then().statusCode(201).extract().path("id");
        given().post("/benefits/claims/" + id + "/decision").then().statusCode(200)
                .body("decision.outcome", equalTo("REFUSED"))
                .body("decision.refusals", hasItem("application-late"))
                .body("decision.total", equalTo(0.00f));
        given().header("Accept-Language", "nl").get("/benefits/claims/" + id).then()
                .body("decision.motivation", hasItem(containsString("na de termijn van 2025-12-31")));
        refused = id;
    }

    static String refused;

    /** Issue 11: a refusal is notified as a document too, in the member's language, with every art. 14 mention. */
    @Test
    @Order(12)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void theRefusalIsADocumentInDutchWithEveryMention() {
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + refused + "/approval")
                .then().statusCode(200).body("status", equalTo("DECIDED"));
        be.caisse.documents.archive.IssuedDocument doc = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                be.caisse.documents.archive.IssuedDocument.<be.caisse.documents.archive.IssuedDocument>find(
                        "type = 'benefit-decision' and businessKey = ?1", refused).firstResult());
        byte[] pdf = given().accept("application/pdf").get("/benefits/documents/" + doc.id).then().statusCode(200).extract().asByteArray();
        String text = be.caisse.testsupport.DocumentChecks.text(pdf);
        org.junit.jupiter.api.Assertions.assertEquals("nl", doc.language);
        io.restassured.path.json.JsonPath decision = given().header("Accept-Language", "nl").get("/benefits/claims/" + refused)
                .then().extract().jsonPath();
        java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("Beslissing tot weigering – rouwverlof",
                "Uw aanvraag voor rouwverlof wordt geweigerd", "Pieter Claes", "Motivering in feite en in rechte"));
        expected.addAll(decision.getList("decision.motivation"));
        expected.addAll(decision.getList("decision.appeal.mentions"));
        for (String phrase : expected) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(be.caisse.testsupport.DocumentChecks.plain(phrase)),
                    "«" + phrase + "» in: " + text);
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(pdf));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "agent", roles = "agent")
    void aClaimIsCheckedAsAWhole() {
        given().contentType("application/json").body("""
                {"niss":"%s","type":"CARER_LEAVE","factDate":"9999-01-01","months":13,"firstMonth":"2026-13"}""".formatted(FATHER))
                .post("/benefits/claims").then().statusCode(400)
                .body("errors.field", hasItem("months")).body("errors.field", hasItem("firstMonth"))
                .body(not(containsString("Exception")));
        given().contentType("application/json").body("""
                {"niss":"%s","type":"CARER_LEAVE","factDate":"2030-01-01","months":3,"firstMonth":"2026-08","extent":"FULL"}""".formatted(FATHER))
                .post("/benefits/claims").then().statusCode(400).body("errors.field", hasItem("factDate"));
        given().contentType("application/json").body("""
                {"niss":"%s","type":"CARER_LEAVE","factDate":"2026-08-01"}""".formatted(FATHER))
                .post("/benefits/claims").then().statusCode(400)
                .body("errors.field", hasItem("months")).body("errors.field", hasItem("extent"));
        given().get("/benefits/claims/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** The Charter's clocks are watched: a payment due within 14 days is flagged at risk, once, with an event. */
    @Test
    @Order(7)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void claimsNearTheirDeadlineAreFlaggedOnce() {
        clock.setToday(LocalDate.of(2026, 10, 10));
        given().get("/benefits/claims/" + claim).then().body("deadlines.standing", equalTo("AT_RISK")).body("deadlines.daysLeft", equalTo(10));
        int flagged = given().post("/benefits/admin/deadline-check").then().statusCode(200).extract().path("flagged");
        org.junit.jupiter.api.Assertions.assertTrue(flagged >= 1, "the decided birth leave, payment due 2026-10-20");
        given().post("/benefits/admin/deadline-check").then().statusCode(200).body("flagged", equalTo(0));
        TopicReader.Event e = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                ev -> be.caisse.benefits.application.DeadlineWatch.FLAGGED.equals(ev.header("ce_type")) && ev.value().contains(claim));
        EventSchemas.assertValid(be.caisse.benefits.application.DeadlineWatch.FLAGGED, e.value());
        org.junit.jupiter.api.Assertions.assertTrue(e.value().contains("\"deadline\":\"PAYMENT\""), e.value());
        clock.setToday(LocalDate.of(2026, 10, 21));
        given().get("/benefits/claims/" + claim).then().body("deadlines.standing", equalTo("BREACHED"));
        given().post("/benefits/admin/deadline-check").then().statusCode(200).body("flagged", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    /**
     * Paid after the Charter's 4 months (notified 20 June, due 20 October), the payment bears interest of right
     * (art. 20): 7 days at 4.50 % on €2,112.00 = €1.82, paid with it in a SEPA file that validates against the EPC's
     * schema; executed by the bank, the claim is paid.
     */
    @Test
    @Order(8)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void aLatePaymentGoesWithItsInterestInAValidSepaFile() throws Exception {
        clock.setToday(LocalDate.of(2026, 10, 27));
        given().contentType("application/json").body("{\"executionDate\":\"2026-10-26\"}").post("/benefits/payment-runs")
                .then().statusCode(400);
        String run = given().contentType("application/json").body("{\"executionDate\":\"2026-10-27\"}").post("/benefits/payment-runs")
                .then().statusCode(201).header("Location", containsString("/benefits/payment-runs/"))
                .body("payments", equalTo(1)).body("total", equalTo(2113.82f)).body("interest", equalTo(1.82f))
                .extract().path("id");
        String xml = given().get("/benefits/payment-runs/" + run + "/pain001").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asString();
        be.caisse.testsupport.XmlSchemas.assertValid(xml, getClass().getResource("/sepa/pain.001.001.09.xsd"));
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">2113.82</InstdAmt>"), xml);
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains("<IBAN>BE71096123456769</IBAN>") && xml.contains("<Nm>Pieter Claes</Nm>"), xml);
        String payment = given().get("/benefits/claims/" + claim).then().statusCode(200)
                .body("payments[0].status", equalTo("IN_RUN")).body("payments[0].interest", equalTo(1.82f))
                .extract().path("payments[0].id");
        // the same date again: nothing left to pay
        given().contentType("application/json").body("{\"executionDate\":\"2026-10-27\"}").post("/benefits/payment-runs")
                .then().statusCode(409).body("type", containsString("payment-run-empty"));
        TopicReader.Event ordered = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> be.caisse.benefits.application.PaymentService.ORDERED.equals(e.header("ce_type")) && e.value().contains(payment));
        EventSchemas.assertValid(be.caisse.benefits.application.PaymentService.ORDERED, ordered.value());
        given().contentType("application/json").body("{\"executedOn\":\"2026-10-27\"}").post("/benefits/payments/" + payment + "/execution")
                .then().statusCode(200).body("status", equalTo("EXECUTED"));
        given().get("/benefits/claims/" + claim).then().body("status", equalTo("PAID"));
        // returned afterwards (the account was closed): reopened, waiting for a new IBAN, then paid in the next run
        String reopened = given().contentType("application/json").body("{\"reason\":\"Account closed\"}")
                .post("/benefits/payments/" + payment + "/return").then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("reopenedFrom", equalTo(payment)).extract().path("id");
        given().get("/benefits/claims/" + claim).then().body("status", equalTo("DECIDED")); // not paid any more
        given().contentType("application/json").body("{\"executionDate\":\"2026-10-28\"}").post("/benefits/payment-runs")
                .then().statusCode(409).body("detail", containsString("1"));
        given().contentType("application/json").body("{\"iban\":\"BE68 5390 0754 7034\"}").put("/benefits/payments/" + reopened + "/iban")
                .then().statusCode(200);
        given().contentType("application/json").body("{\"executionDate\":\"2026-10-28\"}").post("/benefits/payment-runs")
                .then().statusCode(201).body("payments", equalTo(1)).body("interest", equalTo(2.08f)); // 8 days now
        // the year's 281.18 sheet counts what the bank executed: the returned transfer is not income, its reopening is
        given().get("/benefits/members/" + FATHER + "/tax-sheets/2026").then().statusCode(200)
                .body("form", equalTo("281.18")).body("gross", equalTo(0.00f)).body("complete", equalTo(false));
        given().contentType("application/json").body("{\"executedOn\":\"2026-10-27\"}").post("/benefits/payments/" + reopened + "/execution")
                .then().statusCode(200);
        given().get("/benefits/claims/" + claim).then().body("status", equalTo("PAID"));
        given().get("/benefits/members/" + FATHER + "/tax-sheets/2026").then().statusCode(200)
                .body("lines[0].type", equalTo("BIRTH_LEAVE")).body("gross", equalTo(2112.00f)).body("interest", equalTo(2.08f))
                .body("withholding", equalTo(0.00f));
    }

    /** Art. 11: without an answer, the decision waits for a reminder and a month; the wait does not count. */
    @Test
    @Order(9)
    @TestSecurity(user = "agent", roles = "agent")
    void withoutAnAnswerTheFundDecidesAMonthAfterAReminder() {
        String id = given().contentType("application/json").body("""
                {"niss":"%s","type":"MOURNING_LEAVE","factDate":"2026-06-01","fullDays":[%s]}""".formatted(FATHER, days(LocalDate.of(2026, 6, 3), 3)))
                .post("/benefits/claims").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"question\":\"Please send the death certificate.\"}")
                .post("/benefits/claims/" + id + "/information-requests").then().statusCode(201);
        given().post("/benefits/claims/" + id + "/decision").then().statusCode(409).body("type", containsString("claim-waiting-for-information"));
        clock.setToday(LocalDate.of(2026, 7, 1));
        given().post("/benefits/claims/" + id + "/information-reminder").then().statusCode(200)
                .body("informationRequests[0].remindedOn", equalTo("2026-07-01"))
                .body("informationRequests[0].decideWithoutAnswerFrom", equalTo("2026-08-01"));
        clock.setToday(LocalDate.of(2026, 7, 20));
        given().post("/benefits/claims/" + id + "/decision").then().statusCode(409);
        clock.setToday(LocalDate.of(2026, 8, 1));
        given().post("/benefits/claims/" + id + "/decision").then().statusCode(200).body("status", equalTo("PREPARED"))
                .body("deadlines.daysSuspended", equalTo(42)) // 20 June to 1 August: waiting for the member
                .body("deadlines.decisionDue", equalTo("2026-12-01"));
        mourningLeave = id;
    }

    static String mourningLeave;

    /**
     * Art. 20: decided after its deadline (1 December, the 4 months plus the 42 days waited), the leave — due on
     * 31 July — bears interest from the deadline: 14 days at 4.50 % on €316.80 (3 × €105.60) = €0.55.
     */
    @Test
    @Order(11)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void aClaimDecidedLateIsPaidWithItsInterest() {
        clock.setToday(LocalDate.of(2026, 12, 15));
        given().get("/benefits/claims/" + mourningLeave).then().body("deadlines.standing", equalTo("BREACHED"));
        String payment = given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + mourningLeave + "/approval")
                .then().statusCode(200).body("status", equalTo("DECIDED")).body("decision.total", equalTo(316.80f))
                .extract().path("payments[0].id");
        given().contentType("application/json").body("{\"iban\":\"BE71 0961 2345 6769\"}").put("/benefits/payments/" + payment + "/iban")
                .then().statusCode(200);
        given().contentType("application/json").body("{\"executionDate\":\"2026-12-15\"}").post("/benefits/payment-runs")
                .then().statusCode(201).body("payments", equalTo(1)).body("interest", equalTo(0.55f)).body("total", equalTo(317.35f));
    }

    /** The additional bridging-right table (not found in the sources) is empty until an admin fills it. */
    @Test
    @Order(10)
    @TestSecurity(user = "admin", roles = "admin")
    void theAdditionalRightTableIsFilledByAnAdmin() {
        given().get("/benefits/amounts/bridging-right-additional").then().statusCode(200).body("known", equalTo(false)).body("steps", hasSize(0));
        given().contentType("application/json").body("{\"steps\":[{\"quarters\":4,\"months\":3},{\"quarters\":4,\"months\":6}],\"source\":\"x\"}")
                .put("/benefits/amounts/bridging-right-additional").then().statusCode(400).body("errors.field", hasItem("steps[1].quarters"));
        given().contentType("application/json").body("{\"steps\":[{\"quarters\":4,\"months\":3},{\"quarters\":16,\"months\":12}],"
                        + "\"source\":\"INASTI circular (test figures)\"}")
                .put("/benefits/amounts/bridging-right-additional").then().statusCode(200).body("known", equalTo(true))
                .body("steps.months", equalTo(java.util.List.of(3, 12)));
        given().contentType("application/json").body("{\"steps\":[],\"source\":\"emptied again\"}")
                .put("/benefits/amounts/bridging-right-additional").then().statusCode(200).body("known", equalTo(false));
    }
}
