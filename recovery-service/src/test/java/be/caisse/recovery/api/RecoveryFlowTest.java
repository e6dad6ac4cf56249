package be.caisse.recovery.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import be.caisse.common.time.CaisseClock;
import be.caisse.recovery.application.RecoveryService;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.PostgresTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The legal path of an unpaid quarter (REFERENCE.md §5.2, §10.8), driven by contribution-service's events and the
 * daily pass on the service's clock: the overdue 2026-Q1 (€926.48) opens a case; two reminders and the registered
 * last reminder (art. 46) follow their timers; a surcharge joins the debt; after the month's window, the contrainte
 * is refused until an agent records a personal contact (the charter's hard rule), then issued, served by a bailiff,
 * opposed within the month (art. 47bis); the payment of what is owed closes the case. A second debtor contests in
 * time: only a summons remains, issued once the documented attempts to reach him are recorded.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recovery"))
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "agent", roles = {"agent", "supervisor"})
class RecoveryFlowTest {
    static final String DEBTOR = Nisses.of(LocalDate.of(1984, 10, 10), 77);
    static final String CONTESTER = Nisses.of(LocalDate.of(1972, 1, 21), 33);
    static String caseId;
    static String contested;

    @Inject
    CaisseClock clock;

    static void send(String key, String topic, String type, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), topic, key, data, Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_specversion", "1.0", "ce_source", "/caisse/test"));
    }

    static void registered(String niss, String first, String last) {
        send(niss, "caisse.affiliation.events", "be.caisse.affiliation.person-registered.v1",
                "{\"niss\":\"" + niss + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"language\":\"fr\"}");
        send(niss, "caisse.affiliation.events", "be.caisse.affiliation.registered.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","liableFrom":"2025-01-01","startDate":"2025-01-02"}"""
                .formatted(UUID.randomUUID(), niss));
    }

    static void overdue(String niss) {
        send(niss, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", """
                {"niss":"%s","quarter":"2026-Q1","dueDate":"2026-03-31","total":926.48,"paid":0,"outstanding":926.48,
                 "structuredCommunication":"+++261/0000/00145+++"}""".formatted(niss));
    }

    int pass(LocalDate on) {
        clock.setToday(on);
        return given().post("/recovery/admin/daily-pass").then().statusCode(200).extract().path("moved");
    }

    @Test
    @Order(1)
    void anOverdueQuarterOpensACaseAndTheRemindersFollowTheirTimers() {
        clock.setToday(LocalDate.of(2026, 4, 5));
        registered(DEBTOR, "Marie", "Lambert");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + DEBTOR).then().statusCode(200));
        overdue(DEBTOR);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + DEBTOR).then()
                .body("cases", hasSize(1)));
        caseId = given().get("/recovery/debtors/" + DEBTOR).then().body("cases[0].state", equalTo("OPEN"))
                .body("cases[0].debt", equalTo(926.48f)).body("cases[0].items[0].period", equalTo("2026-Q1"))
                .body("cases[0].items[0].prescribesOn", equalTo("2032-01-01"))   // 5 years from 1 January after 2026
                .body("cases[0].nextStep", equalTo("REMINDED")).body("cases[0].nextStepOn", equalTo("2026-04-20"))
                .extract().path("cases[0].id");
        pass(LocalDate.of(2026, 4, 19));
        given().get("/recovery/cases/" + caseId).then().body("state", equalTo("OPEN"));
        org.junit.jupiter.api.Assertions.assertTrue(pass(LocalDate.of(2026, 4, 20)) >= 1);
        given().get("/recovery/cases/" + caseId).then().body("state", equalTo("REMINDED")).body("nextStepOn", equalTo("2026-05-20"));
        org.junit.jupiter.api.Assertions.assertEquals(0, pass(LocalDate.of(2026, 4, 20)), "a second pass the same day moves nothing");
        given().get("/recovery/admin/daily-pass/2026-04-20").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("runs", equalTo(2)).body("moved", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().get("/recovery/admin/daily-pass/2026-04-21").then().statusCode(404);
        pass(LocalDate.of(2026, 5, 20));
        pass(LocalDate.of(2026, 6, 19));
        given().get("/recovery/cases/" + caseId).then().body("state", equalTo("LAST_REMINDER"))
                .body("lastReminderOn", equalTo("2026-06-19")).body("contestUntil", equalTo("2026-07-19"))
                // the registered last reminder interrupts the prescription: 5 years from its date
                .body("items[0].prescribesOn", equalTo("2032-01-01"))
                .body("contrainteRefusals", equalTo(List.of("personal-contact-missing", "last-reminder-window-open")));
        given().get("/recovery/cases/" + caseId + "/steps").then().body("items.to",
                equalTo(List.of("OPEN", "REMINDED", "SECOND_REMINDED", "LAST_REMINDER")));
        given().contentType("application/json").body("{\"reference\":\"RR123456785BE\"}").post("/recovery/cases/" + caseId + "/registered-mail")
                .then().statusCode(200).body("registeredMailRef", equalTo("RR123456785BE"));
    }

    @Test
    @Order(2)
    void theContrainteWaitsForThePersonalContact() {
        clock.setToday(LocalDate.of(2026, 6, 30));
        send(DEBTOR, "caisse.contribution.events", "be.caisse.contribution.surcharge-applied.v1", """
                {"account":"%s","period":"2026-Q1","date":"2026-06-30","kind":"QUARTERLY","base":926.48,"rate":0.03,"amount":27.79}"""
                .formatted(DEBTOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + caseId).then().body("debt", equalTo(954.27f)));
        pass(LocalDate.of(2026, 7, 19));
        given().get("/recovery/cases/" + caseId).then().body("state", equalTo("LAST_REMINDER")); // the window's last day
        pass(LocalDate.of(2026, 7, 20));
        given().get("/recovery/cases/" + caseId).then().body("state", equalTo("AWAITING_JUDICIAL_STEP"));
        given().contentType("application/json").body("{\"receivedOn\":\"2026-07-20\",\"motivation\":\"late\"}")
                .post("/recovery/cases/" + caseId + "/contestations").then().statusCode(409).body("type", containsString("contestation-not-open"));
        given().header("Accept-Language", "fr").post("/recovery/cases/" + caseId + "/contraintes").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("judicial-step-refused"))
                .body("errors.code", equalTo(List.of("personal-contact-missing")))
                .body("errors[0].message", containsString("contact personnel"));
        given().get("/recovery/worklist").then().statusCode(200)
                .body("items.find { it.caseId == '" + caseId + "' }.kind", equalTo("PERSONAL_CONTACT"));
        // a letter read is not a personal contact
        given().contentType("application/json").body("{\"channel\":\"LETTER\",\"outcome\":\"REACHED\",\"on\":\"2026-07-20\",\"note\":\"courrier\"}")
                .post("/recovery/cases/" + caseId + "/contacts").then().statusCode(201).body("contactMade", equalTo(false));
        given().contentType("application/json").body("{\"channel\":\"PHONE\",\"outcome\":\"REACHED\",\"on\":\"2026-07-21\",\"note\":\"x\"}")
                .post("/recovery/cases/" + caseId + "/contacts").then().statusCode(400).body("errors[0].field", equalTo("on"));
        given().contentType("application/json").body("{\"channel\":\"PHONE\",\"outcome\":\"REACHED\",\"on\":\"2026-07-20\","
                        + "\"note\":\"Appelée : pas de solution proposée, elle conteste devoir la majoration.\"}")
                .post("/recovery/cases/" + caseId + "/contacts").then().statusCode(201).body("contactMade", equalTo(true))
                .body("contrainteRefusals", hasSize(0));
        given().get("/recovery/worklist?kind=JUDICIAL_STEP").then().body("items.caseId", hasItem(caseId));
    }

    @Test
    @Order(3)
    void theContrainteIsIssuedServedAndOpposedWithinTheMonth() {
        clock.setToday(LocalDate.of(2026, 7, 21));
        String contrainte = given().post("/recovery/cases/" + caseId + "/contraintes").then().statusCode(201)
                .body("state", equalTo("CONTRAINTE_ISSUED")).body("contrainte.issuedOn", equalTo("2026-07-21"))
                .extract().path("contrainte.id");
        given().post("/recovery/cases/" + caseId + "/contraintes").then().statusCode(409)
                .body("errors.code", hasItem("judicial-step-taken"));
        given().contentType("application/json").body("{\"servedOn\":\"2026-07-21\",\"bailiff\":\"Me Dupont, huissier\"}")
                .post("/recovery/cases/" + caseId + "/contraintes/" + UUID.randomUUID() + "/service").then().statusCode(404);
        clock.setToday(LocalDate.of(2026, 7, 24));
        given().contentType("application/json").body("{\"servedOn\":\"2026-07-24\",\"bailiff\":\"Me Dupont, huissier\"}")
                .post("/recovery/cases/" + caseId + "/contraintes/" + contrainte + "/service").then().statusCode(200)
                .body("state", equalTo("CONTRAINTE_SERVED")).body("contrainte.oppositionUntil", equalTo("2026-08-24"))
                .body("nextStep", equalTo("ENFORCEMENT")).body("nextStepOn", equalTo("2026-08-25"));
        clock.setToday(LocalDate.of(2026, 8, 12));
        given().contentType("application/json").body("{\"filedOn\":\"2026-08-10\"}").post("/recovery/cases/" + caseId + "/oppositions")
                .then().statusCode(200).body("state", equalTo("OPPOSED")).body("contrainte.opposedOn", equalTo("2026-08-10"))
                .body("nextStep", equalTo(null));
        org.junit.jupiter.api.Assertions.assertEquals(0, pass(LocalDate.of(2026, 8, 25)), "an opposition suspends the enforcement");
        given().contentType("application/json").body("{\"outcome\":\"CONDEMNED\",\"on\":\"2026-08-24\",\"note\":\"opposition rejected\"}")
                .post("/recovery/cases/" + caseId + "/judgment").then().statusCode(200).body("state", equalTo("ENFORCEMENT"))
                .body("judgment.outcome", equalTo("CONDEMNED"));
        given().contentType("application/json").body("{\"outcome\":\"DISMISSED\",\"on\":\"2026-08-24\"}")
                .post("/recovery/cases/" + caseId + "/judgment").then().statusCode(409).body("type", containsString("judgment-not-awaited"));
        // the enforcement follow-up: the bailiff with his file, his costs, a seizure and its result
        String bailiff = given().contentType("application/json").body("""
                        {"kind":"BAILIFF","name":"Me Dupont, huissier de justice","fileReference":"D-2026-0812","appointedOn":"2026-08-25"}""")
                .post("/recovery/cases/" + caseId + "/parties").then().statusCode(201).extract().path("parties[0].id");
        given().contentType("application/json").body("{\"partyId\":\"" + bailiff + "\",\"description\":\"signification\",\"amount\":184.32,"
                        + "\"incurredOn\":\"2026-08-25\"}")
                .post("/recovery/cases/" + caseId + "/costs").then().statusCode(200).body("costs[0].amount", equalTo(184.32f))
                .body("debt", equalTo(954.27f)) // the contribution account's debt; the costs are claimed on top of it
                // the judgment condemned the debtor on the opposition: judicial interest at 7 % (REFERENCE.md §5.2, not
                // verified: a parameter) on the €926.48 of principal from the service of 24 July to 25 August, the day of the pass above (32 days)
                .body("judicialItems.component", equalTo(List.of("COSTS", "INTEREST")))
                .body("judicialItems[0].amount", equalTo(184.32f))
                .body("judicialItems[1].period", equalTo("2026-Q1")).body("judicialItems[1].amount", equalTo(5.69f))
                .body("totalClaimed", equalTo(1144.28f));
        given().contentType("application/json").body("{\"kind\":\"BANK_ACCOUNT\",\"seizedOn\":\"2026-08-25\",\"result\":\"account empty\",\"recovered\":0}")
                .post("/recovery/cases/" + caseId + "/seizures").then().statusCode(200).body("seizures[0].result", equalTo("account empty"));
        TopicReader.Event served = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), RecoveryService.TOPIC, Duration.ofSeconds(30),
                e -> RecoveryService.MOVED.equals(e.header("ce_type")) && e.value().contains("\"to\":\"CONTRAINTE_SERVED\"")
                        && e.value().contains(caseId));
        EventSchemas.assertValid(RecoveryService.MOVED, served.value());
    }

    @Test
    @Order(4)
    void thePaymentOfWhatIsOwedClosesTheCase() {
        clock.setToday(LocalDate.of(2026, 9, 1));
        send(DEBTOR, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":954.27,"valueDate":"2026-09-01","allocations":[
                 {"period":"2026-Q1","component":"PRINCIPAL","amount":926.48},{"period":"2026-Q1","component":"SURCHARGE","amount":27.79}],
                 "refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), DEBTOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + caseId).then()
                .body("state", equalTo("CLOSED")).body("closedReason", equalTo("PAID")).body("debt", equalTo(0.0f)));
        given().get("/recovery/cases?state=CLOSED").then().body("items.id", hasItem(caseId));
        given().get("/recovery/worklist").then().body("items.caseId", not(hasItem(caseId)));
    }

    @Test
    @Order(5)
    void aContestationInTimeLeavesOnlyASummons() {
        clock.setToday(LocalDate.of(2026, 4, 5));
        registered(CONTESTER, "Jean", "Marchal");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + CONTESTER).then().statusCode(200));
        overdue(CONTESTER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + CONTESTER).then().body("cases", hasSize(1)));
        contested = given().get("/recovery/debtors/" + CONTESTER).then().extract().path("cases[0].id");
        pass(LocalDate.of(2026, 4, 20));
        pass(LocalDate.of(2026, 5, 20));
        pass(LocalDate.of(2026, 6, 19));
        clock.setToday(LocalDate.of(2026, 7, 15));
        given().contentType("application/json").body("{\"receivedOn\":\"2026-07-20\",\"motivation\":\"x\"}")
                .post("/recovery/cases/" + contested + "/contestations").then().statusCode(400).body("errors[0].field", equalTo("receivedOn"));
        given().contentType("application/json").body("""
                        {"receivedOn":"2026-07-15","motivation":"Je n'étais plus indépendant depuis le 1er janvier 2026 (radiation BCE)."}""")
                .post("/recovery/cases/" + contested + "/contestations").then().statusCode(200)
                .body("state", equalTo("CONTESTED")).body("contestedOn", equalTo("2026-07-15"))
                .body("contrainteRefusals", equalTo(List.of("personal-contact-missing", "contested-summons-only")))
                .body("summonsRefusals", equalTo(List.of("personal-contact-missing")));
        // he cannot be reached: three documented attempts over ten days keep the promise
        for (String on : new String[]{"2026-07-16", "2026-07-21", "2026-07-26"}) {
            clock.setToday(LocalDate.parse(on));
            given().contentType("application/json").body("{\"channel\":\"PHONE\",\"outcome\":\"NOT_REACHED\",\"on\":\"" + on + "\",\"note\":\"pas de réponse\"}")
                    .post("/recovery/cases/" + contested + "/contacts").then().statusCode(201);
        }
        given().post("/recovery/cases/" + contested + "/contraintes").then().statusCode(409)
                .body("errors.code", equalTo(List.of("contested-summons-only")));
        given().contentType("application/json").body("{\"court\":\"Tribunal du travail de Liège, division Namur\",\"hearingOn\":\"2026-10-14\"}")
                .post("/recovery/cases/" + contested + "/summons").then().statusCode(200)
                .body("state", equalTo("SUMMONED")).body("summons.hearingOn", equalTo("2026-10-14"));
    }

    @Test
    @Order(6)
    void aCancelledNoticeLeavesTheDebt() {
        clock.setToday(LocalDate.of(2026, 8, 1));
        send(CONTESTER, "caisse.contribution.events", "be.caisse.contribution.notice-cancelled.v1", """
                {"niss":"%s","quarter":"2026-Q1","total":926.48,"surchargesCancelled":0,"reason":"NOT_LIABLE"}""".formatted(CONTESTER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + contested).then()
                .body("state", equalTo("CLOSED")).body("debt", equalTo(0.0f)));
    }

    static final String PLANNER = Nisses.of(LocalDate.of(1990, 5, 5), 61);
    static String planned;

    /** A debtor in her month after the registered last reminder asks for a plan herself (REFERENCE.md §5.3). */
    @Test
    @Order(7)
    @TestSecurity(user = "planner", roles = "affiliate")
    @io.quarkus.test.security.oidc.OidcSecurity(claims = @io.quarkus.test.security.oidc.Claim(key = "niss", value = "90050506165"))
    void theMemberAsksForAPlan() {
        org.junit.jupiter.api.Assertions.assertEquals("90050506165", PLANNER);
        clock.setToday(LocalDate.of(2026, 4, 5));
        registered(PLANNER, "Sofie", "Wouters");
        overdue(PLANNER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + PLANNER).then().statusCode(200)
                .body("cases", hasSize(1)));
        planned = given().get("/recovery/debtors/" + PLANNER).then().extract().path("cases[0].id");
        clock.setToday(LocalDate.of(2026, 4, 10));
        given().contentType("application/json").body("{\"months\":3,\"firstDueOn\":\"2026-03-31\"}").post("/recovery/me/plan-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("firstDueOn"));
        given().contentType("application/json").body("{\"months\":3,\"firstDueOn\":\"2026-04-30\"}").post("/recovery/me/plan-requests")
                .then().statusCode(201).body("plans[0].status", equalTo("REQUESTED")).body("plans[0].amount", equalTo(926.48f))
                .body("plans[0].approver", equalTo("AGENT"));
        given().post("/recovery/cases/" + planned + "/contraintes").then().statusCode(403);
    }

    /**
     * The agent grants it: three instalments (€308.82, €308.82, €308.84), each with its structured communication; the
     * timers wait; the first instalment paid on time, the second missed: a notice, then the plan broken after 15 days
     * of grace, and the path goes on where it stood.
     */
    @Test
    @Order(8)
    void aPlanKeptStopsThePathAndABrokenOneResumesIt() {
        clock.setToday(LocalDate.of(2026, 4, 11));
        String plan = given().get("/recovery/cases/" + planned).then().extract().path("plans[0].id");
        given().contentType("application/json").body("{\"approve\":true}").post("/recovery/cases/" + planned + "/plans/" + plan + "/approval")
                .then().statusCode(200).body("plans[0].status", equalTo("APPROVED"))
                .body("plans[0].instalments.amount", equalTo(List.of(308.82f, 308.82f, 308.84f)))
                .body("plans[0].instalments[0].structuredCommunication", org.hamcrest.Matchers.matchesPattern("\\+\\+\\+268/\\d{4}/\\d{5}\\+\\+\\+"))
                .body("nextStep", equalTo(null)).body("contrainteRefusals", hasItem("payment-plan-kept"));
        TopicReader.Event approved = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), RecoveryService.TOPIC, Duration.ofSeconds(30),
                e -> be.caisse.recovery.application.PlanService.CHANGED.equals(e.header("ce_type")) && e.value().contains(plan));
        EventSchemas.assertValid(be.caisse.recovery.application.PlanService.CHANGED, approved.value());
        String first = given().get("/recovery/cases/" + planned).then().extract().path("plans[0].instalments[0].structuredCommunication");
        org.junit.jupiter.api.Assertions.assertEquals(0, pass(LocalDate.of(2026, 4, 20)), "no reminder while the plan is kept");
        // the first instalment, paid with its communication (contribution-service matched it and imputed it)
        send(PLANNER, "caisse.contribution.events", "be.caisse.contribution.payment-received.v1", """
                {"paymentId":"%s","niss":"%s","quarter":"2026-Q1","amount":308.82,"valueDate":"2026-04-28","structuredCommunication":"%s"}"""
                .formatted(UUID.randomUUID(), PLANNER, first));
        send(PLANNER, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":308.82,"valueDate":"2026-04-28","allocations":[
                 {"period":"2026-Q1","component":"PRINCIPAL","amount":308.82}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), PLANNER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + planned).then()
                .body("plans[0].instalments[0].received", equalTo(308.82f)).body("debt", equalTo(617.66f)));
        org.junit.jupiter.api.Assertions.assertEquals(0, pass(LocalDate.of(2026, 5, 30)));
        org.junit.jupiter.api.Assertions.assertEquals(1, pass(LocalDate.of(2026, 6, 1)), "the second instalment (31 May) is missed");
        given().get("/recovery/cases/" + planned).then().body("plans[0].lateSince", equalTo("2026-06-01")).body("plans[0].status", equalTo("APPROVED"));
        org.junit.jupiter.api.Assertions.assertEquals(0, pass(LocalDate.of(2026, 6, 2)), "told once");
        org.junit.jupiter.api.Assertions.assertEquals(1, pass(LocalDate.of(2026, 6, 16)), "15 days of grace over: broken");
        given().get("/recovery/cases/" + planned).then().body("plans[0].status", equalTo("BROKEN")).body("state", equalTo("OPEN"))
                .body("nextStep", equalTo("REMINDED")).body("nextStepOn", equalTo("2026-07-01")).body("contrainteRefusals", not(hasItem("payment-plan-kept")));
        given().get("/recovery/worklist?kind=PROPOSE_DISPENSATION").then().body("items.caseId", hasItem(planned));
    }

    /** A second plan, kept to the end: its payments close the case, settled by the plan. */
    @Test
    @Order(9)
    void aPlanKeptToTheEndClosesTheCase() {
        clock.setToday(LocalDate.of(2026, 6, 17));
        given().contentType("application/json").body("{\"months\":30,\"firstDueOn\":\"2026-06-30\"}").post("/recovery/cases/" + planned + "/plans")
                .then().statusCode(409).body("type", containsString("plan-too-long"));
        given().contentType("application/json").body("{\"months\":14,\"firstDueOn\":\"2026-06-30\"}").post("/recovery/cases/" + planned + "/plans")
                .then().statusCode(201).body("plans[1].status", equalTo("PROPOSED")).body("plans[1].approver", equalTo("SUPERVISOR"));
        String proposed = given().get("/recovery/cases/" + planned).then().extract().path("plans[1].id");
        given().contentType("application/json").body("{\"approve\":true}").post("/recovery/cases/" + planned + "/plans/" + proposed + "/approval")
                .then().statusCode(403); // the agent who proposed it (four eyes)
        proposedPlan = proposed;
    }

    static String proposedPlan;

    @Test
    @Order(10)
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void aSupervisorRefusesThePlanAboveTheLimits() {
        given().contentType("application/json").body("{\"approve\":false,\"note\":\"14 months is too long for this debt\"}")
                .post("/recovery/cases/" + planned + "/plans/" + proposedPlan + "/approval").then().statusCode(200)
                .body("plans[1].status", equalTo("REJECTED")).body("plans[1].decidedBy", equalTo("supervisor"));
    }

    @Test
    @Order(11)
    void aPlanWithinTheLimitsIsGrantedAtOnceAndItsPaymentsCloseTheCase() {
        clock.setToday(LocalDate.of(2026, 6, 17));
        String plan = given().contentType("application/json").body("{\"months\":2,\"firstDueOn\":\"2026-06-30\"}")
                .post("/recovery/cases/" + planned + "/plans").then().statusCode(201).body("plans[2].status", equalTo("APPROVED"))
                .extract().path("plans[2].id");
        send(PLANNER, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":617.66,"valueDate":"2026-06-30","allocations":[
                 {"period":"2026-Q1","component":"PRINCIPAL","amount":617.66}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), PLANNER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + planned).then()
                .body("state", equalTo("CLOSED")).body("closedReason", equalTo("SETTLED_BY_PLAN"))
                .body("plans.find { it.id == '" + plan + "' }.status", equalTo("COMPLETED")));
    }

    /** The nightly surcharge may come before the overdue event: the case claims it with its quarter. */
    @Test
    @Order(12)
    void aSurchargeBookedBeforeTheCaseIsClaimedWithItsQuarter() {
        String late = Nisses.of(LocalDate.of(1966, 6, 6), 91);
        clock.setToday(LocalDate.of(2026, 4, 1));
        registered(late, "Paul", "Hendrickx");
        send(late, "caisse.contribution.events", "be.caisse.contribution.surcharge-applied.v1", """
                {"account":"%s","period":"2026-Q1","date":"2026-03-31","kind":"QUARTERLY","base":926.48,"rate":0.03,"amount":27.79}"""
                .formatted(late));
        overdue(late);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + late).then().statusCode(200)
                .body("cases", hasSize(1)).body("cases[0].debt", equalTo(954.27f))
                .body("cases[0].items.component", equalTo(List.of("PRINCIPAL", "SURCHARGE"))));
        // the contribution paid, only the surcharge is left: the worklist proposes its remission
        send(late, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":926.48,"valueDate":"2026-04-02","allocations":[
                 {"period":"2026-Q1","component":"PRINCIPAL","amount":926.48}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), late));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + late).then()
                .body("cases[0].debt", equalTo(27.79f)));
        String id = given().get("/recovery/debtors/" + late).then().extract().path("cases[0].id");
        given().get("/recovery/worklist?kind=PROPOSE_SURCHARGE_WAIVER").then()
                .body("items.find { it.caseId == '" + id + "' }.request", containsString("SURCHARGE_WAIVER"));
        // contribution-service cancels it (booked after a judicial step stopped the surcharges): the debt follows
        send(late, "caisse.contribution.events", "be.caisse.contribution.surcharge-cancelled.v1", """
                {"account":"%s","period":"2026-Q1","after":"2025-12-31","amount":27.79,"reason":"JUDICIAL_STEP","caseReference":"REC-2026-000001"}"""
                .formatted(late));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("debt", equalTo(0.0f)).body("state", equalTo("CLOSED")));
    }

    static final String BANKRUPT = Nisses.of(LocalDate.of(1977, 7, 17), 43);
    static String suspended;

    /** REFERENCE.md §5.5: a bankruptcy (a cessation for bankruptcy) suspends the enforcement; the claim filed is kept. */
    @Test
    @Order(13)
    void aBankruptcySuspendsTheCase() {
        clock.setToday(LocalDate.of(2026, 4, 5));
        registered(BANKRUPT, "Koen", "Claes");
        overdue(BANKRUPT);
        suspended = caseOf(BANKRUPT);
        send(BANKRUPT, "caisse.affiliation.events", "be.caisse.affiliation.ceased.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","date":"2026-04-08","reason":"BANKRUPTCY","liableUntil":"2026-06-30"}"""
                .formatted(UUID.randomUUID(), BANKRUPT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + suspended).then()
                .body("insolvency.kind", equalTo("BANKRUPTCY")).body("insolvency.openedOn", equalTo("2026-04-08"))
                .body("nextStep", equalTo(null)).body("contrainteRefusals", hasItem("insolvency-suspends")));
        pass(LocalDate.of(2026, 4, 21));
        given().get("/recovery/cases/" + suspended).then().body("state", equalTo("OPEN"));
        given().contentType("application/json").body("""
                        {"kind":"BANKRUPTCY","openedOn":"2026-04-08","curator":"Me Peeters, curateur","claimFiledOn":"2026-04-20",
                         "claimAmount":926.48,"claimRank":"general privilege (as recorded)"}""")
                .post("/recovery/cases/" + suspended + "/insolvency").then().statusCode(200)
                .body("insolvency.claimAmount", equalTo(926.48f)).body("insolvency.curator", equalTo("Me Peeters, curateur"));
    }

    String caseOf(String niss) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + niss).then().statusCode(200)
                .body("cases", hasSize(1)));
        return given().get("/recovery/debtors/" + niss).then().extract().path("cases[0].id");
    }

    @Test
    @Order(14)
    @TestSecurity(user = "agent", roles = "agent")
    void onlyASupervisorWritesOff() {
        given().contentType("application/json").body("{\"reason\":\"UNCOLLECTABLE\",\"note\":\"x\"}")
                .post("/recovery/cases/" + suspended + "/write-off").then().statusCode(403);
    }

    /** A write-off (supervisor): prescribed items only when they are, a small debt only below the threshold. */
    @Test
    @Order(15)
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void aSupervisorWritesOffWhatIsPrescribedOrUncollectable() {
        clock.setToday(LocalDate.of(2026, 4, 22));
        given().contentType("application/json").body("{\"reason\":\"PRESCRIBED\",\"note\":\"old\"}")
                .post("/recovery/cases/" + suspended + "/write-off").then().statusCode(409).body("type", containsString("write-off-not-prescribed"));
        given().contentType("application/json").body("{\"reason\":\"BELOW_THRESHOLD\",\"note\":\"small\"}")
                .post("/recovery/cases/" + suspended + "/write-off").then().statusCode(409).body("type", containsString("write-off-above-threshold"));
        given().contentType("application/json").body("{\"reason\":\"UNCOLLECTABLE\",\"note\":\"Bankruptcy closed for want of assets.\"}")
                .post("/recovery/cases/" + suspended + "/write-off").then().statusCode(200).body("state", equalTo("CLOSED"))
                .body("closedReason", equalTo("WRITTEN_OFF_UNCOLLECTABLE")).body("writtenOff", equalTo(926.48f));
        // a quarter of 2020, prescribed on 1 January 2026 (5 years from 1 January 2021)
        String old = Nisses.of(LocalDate.of(1961, 1, 11), 27);
        registered(old, "Rik", "Vos");
        send(old, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", """
                {"niss":"%s","quarter":"2020-Q1","dueDate":"2020-03-31","total":700.00,"paid":0,"outstanding":700.00,
                 "structuredCommunication":"+++201/0000/00021+++"}""".formatted(old));
        String prescribed = caseOf(old);
        given().get("/recovery/cases/" + prescribed).then().body("items[0].prescribesOn", equalTo("2026-01-01"));
        given().contentType("application/json").body("{\"reason\":\"PRESCRIBED\",\"note\":\"prescribed on 1 January 2026\"}")
                .post("/recovery/cases/" + prescribed + "/write-off").then().statusCode(200)
                .body("closedReason", equalTo("WRITTEN_OFF_PRESCRIBED"));
    }

    /**
     * REFERENCE.md §5.4: the helped self-employed answers for the helper's contributions of the quarters the help
     * covers; the helper's case names him, his own dossier shows what he answers for, and his payment on the helper's
     * notice lowers the one debt.
     */
    @Test
    @Order(16)
    void theHelpedAnswersForTheHelper() {
        String helper = Nisses.of(LocalDate.of(1992, 2, 2), 14);
        String helped = Nisses.of(LocalDate.of(1990, 9, 9), 13);
        clock.setToday(LocalDate.of(2026, 4, 5));
        registered(helped, "Marc", "Dubois");
        registered(helper, "Julie", "Dubois");
        send(helper, "caisse.affiliation.events", "be.caisse.affiliation.helper-linked.v1", """
                {"linkId":"%s","helperNiss":"%s","helpedNiss":"%s","startDate":"2026-02-15"}""".formatted(UUID.randomUUID(), helper, helped));
        overdue(helper);
        String id = caseOf(helper);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("coDebtors[0].coDebtor", equalTo(helped)).body("coDebtors[0].kind", equalTo("HELPER"))
                .body("coDebtors[0].periods", equalTo(List.of("2026-Q1"))).body("coDebtors[0].amount", equalTo(926.48f)));
        given().get("/recovery/debtors/" + helped).then().statusCode(200).body("cases", hasSize(0))
                .body("jointCases[0].caseId", equalTo(id)).body("jointCases[0].amount", equalTo(926.48f));
        // the helped pays half on the helper's notice: one debt, lower for both
        send(helper, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":463.24,"valueDate":"2026-04-06","allocations":[
                 {"period":"2026-Q1","component":"PRINCIPAL","amount":463.24}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), helper));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + helped).then()
                .body("jointCases[0].amount", equalTo(463.24f)));
        given().get("/recovery/cases/" + id).then().body("debt", equalTo(463.24f));
    }

    /** REFERENCE.md §5.1: a part payment acknowledges the debt; the 5 years run again from its value date. */
    @Test
    @Order(17)
    void aPartPaymentInterruptsThePrescription() {
        String old = Nisses.of(LocalDate.of(1958, 5, 25), 19);
        clock.setToday(LocalDate.of(2026, 8, 1)); // within 6 months of its prescription: on the worklist
        registered(old, "Lut", "Michiels");
        send(old, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", """
                {"niss":"%s","quarter":"2021-Q4","dueDate":"2021-12-31","total":800.00,"paid":0,"outstanding":800.00,
                 "structuredCommunication":"+++214/0000/00043+++"}""".formatted(old));
        String id = caseOf(old);
        given().get("/recovery/cases/" + id).then().body("items[0].prescribesOn", equalTo("2027-01-01"));
        given().get("/recovery/worklist?kind=PRESCRIPTION").then().body("items.caseId", hasItem(id));
        send(old, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":100.00,"valueDate":"2026-07-31","allocations":[
                 {"period":"2021-Q4","component":"PRINCIPAL","amount":100.00}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), old));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("debt", equalTo(700.00f)).body("items[0].prescribesOn", equalTo("2031-07-31")));
    }

    /**
     * REFERENCE.md §2.10 and §5.4 (art. 98 loi 30/12/1992): an unpaid company contribution (€384.44, the 2023 figure the
     * parameters carry) opens the company's own case; the director whose mandate ran during 2026 answers for it, the
     * director whose mandate ended in 2025 does not; the case follows the same path (the contrainte waits for the
     * personal contact), the director's payment lowers the one debt, and the bankruptcy's cancellation of the
     * year's contribution (not due for the year of a bankruptcy) removes it and closes the case.
     */
    @Test
    @Order(18)
    void aCompanyContributionIsRecoveredFromTheCompanyWithItsDirectorsJointlyLiable() {
        String company = "0765432146";
        String director = Nisses.of(LocalDate.of(1975, 3, 3), 41);
        String former = Nisses.of(LocalDate.of(1968, 8, 8), 52);
        clock.setToday(LocalDate.of(2027, 1, 5));
        registered(director, "Sofie", "Peeters");
        registered(former, "Paul", "Janssens");
        String started = """
                {"mandateId":"%s","enterpriseNumber":"%s","niss":"%s","role":"DIRECTOR","startDate":"%s"}""";
        String mandate = started.formatted(UUID.randomUUID(), company, director, "2024-05-01");
        EventSchemas.assertValid("be.caisse.affiliation.mandate-started.v1", mandate);
        send(company, "caisse.affiliation.events", "be.caisse.affiliation.mandate-started.v1", mandate);
        UUID formerMandate = UUID.randomUUID();
        send(company, "caisse.affiliation.events", "be.caisse.affiliation.mandate-started.v1", started.formatted(formerMandate, company, former, "2020-01-01"));
        send(company, "caisse.affiliation.events", "be.caisse.affiliation.mandate-ended.v1", """
                {"mandateId":"%s","enterpriseNumber":"%s","niss":"%s","role":"DIRECTOR","startDate":"2020-01-01","endDate":"2025-06-30"}"""
                .formatted(formerMandate, company, former));
        String overdue = """
                {"enterpriseNumber":"%s","year":2026,"dueDate":"2026-12-31","total":384.44,"paid":0,"outstanding":384.44,
                 "structuredCommunication":"+++260/0000/04247+++","jointlyLiable":["%s"]}""".formatted(company, director);
        EventSchemas.assertValid("be.caisse.contribution.company-contribution-overdue.v1", overdue);
        send(company, "caisse.contribution.events", "be.caisse.contribution.company-contribution-overdue.v1", overdue);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/companies/" + company).then().statusCode(200)
                .body("cases", hasSize(1)).body("cases[0].coDebtors", hasSize(1)));
        String id = given().get("/recovery/debtors/companies/" + company).then()
                .body("enterpriseNumber", equalTo(company)).body("cases[0].state", equalTo("OPEN"))
                .body("cases[0].debt", equalTo(384.44f)).body("cases[0].items[0].period", equalTo("2026"))
                .body("cases[0].items[0].prescribesOn", equalTo("2032-01-01"))
                .body("cases[0].coDebtors[0].coDebtor", equalTo(director)).body("cases[0].coDebtors[0].kind", equalTo("DIRECTOR"))
                .body("cases[0].coDebtors[0].periods", equalTo(List.of("2026")))
                .body("cases[0].contrainteRefusals", hasItem("personal-contact-missing"))
                .extract().path("cases[0].id");
        given().get("/recovery/debtors/" + director).then().statusCode(200).body("cases", hasSize(0))
                .body("jointCases[0].caseId", equalTo(id)).body("jointCases[0].kind", equalTo("DIRECTOR"))
                .body("jointCases[0].amount", equalTo(384.44f));
        given().get("/recovery/debtors/" + former).then().statusCode(200).body("jointCases", hasSize(0));
        given().get("/recovery/debtors/companies/0765432145").then().statusCode(400);
        // the same path as a person's: the first reminder after its timer
        pass(LocalDate.of(2027, 1, 20));
        given().get("/recovery/cases/" + id).then().body("state", equalTo("REMINDED"));
        // the reminder names the director for 2026: the step's letters go to the co-debtor too
        TopicReader.Event reminded = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), RecoveryService.TOPIC, Duration.ofSeconds(30),
                e -> RecoveryService.MOVED.equals(e.header("ce_type")) && e.value().contains(id) && e.value().contains("\"to\":\"REMINDED\""));
        EventSchemas.assertValid(RecoveryService.MOVED, reminded.value());
        org.junit.jupiter.api.Assertions.assertTrue(reminded.value().contains(
                "\"coDebtors\":[{\"coDebtor\":\"" + director + "\",\"kind\":\"DIRECTOR\",\"periods\":[\"2026\"]}]"), reminded.value());
        // the director pays part of it with the company's communication: one debt, lower for both
        send(company, "caisse.contribution.events", "be.caisse.contribution.payment-allocated.v1", """
                {"paymentId":"%s","account":"%s","amount":184.44,"valueDate":"2027-01-21","allocations":[
                 {"period":"2026","component":"PRINCIPAL","amount":184.44}],"refunded":0,"creditLeft":0}""".formatted(UUID.randomUUID(), company));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/debtors/" + director).then()
                .body("jointCases[0].amount", equalTo(200.00f)));
        // the company goes bankrupt in 2027: enforcement suspended; the 2026 contribution stays due (only the
        // bankruptcy year's is not), so contribution-service cancels nothing here — a cancellation would remove it
        send(company, "caisse.affiliation.events", "be.caisse.affiliation.company-ceased.v1", """
                {"enterpriseNumber":"%s","date":"2027-01-25","reason":"BANKRUPTCY"}""".formatted(company));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("insolvency.kind", equalTo("BANKRUPTCY")).body("nextStep", equalTo(null)));
        String cancelled = """
                {"enterpriseNumber":"%s","year":2026,"amount":384.44,"reason":"BANKRUPTCY"}""".formatted(company);
        EventSchemas.assertValid("be.caisse.contribution.company-contribution-cancelled.v1", cancelled);
        send(company, "caisse.contribution.events", "be.caisse.contribution.company-contribution-cancelled.v1", cancelled);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("state", equalTo("CLOSED")).body("debt", equalTo(0.0f)));
    }

    /**
     * REFERENCE.md §5.1 and §2.5: a regularisation supplement of a starter's year (activity started in 2024) falls due
     * on a quarter already overdue; contribution-service reports the quarter again with the whole outstanding, the
     * item takes it and prescribes on 1 January 2032 (the 8th year after 2024), not 2030. §2.7: a quarter above the
     * category's minimum, not yet regularised, makes the worklist propose a reduction of provisional contributions.
     */
    @Test
    @Order(19)
    void aStartSupplementPrescribesLaterAndAReducibleQuarterIsProposedForAReduction() {
        String starter = Nisses.of(LocalDate.of(1995, 12, 12), 62);
        clock.setToday(LocalDate.of(2026, 7, 2));
        registered(starter, "Emma", "Wouters");
        String first = """
                {"niss":"%s","quarter":"2024-Q3","dueDate":"2024-09-30","total":890.42,"paid":0,"outstanding":890.42,
                 "structuredCommunication":"+++243/0000/00114+++","startYear":null,"reducible":false}""".formatted(starter);
        EventSchemas.assertValid("be.caisse.contribution.overdue.v1", first);
        send(starter, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", first);
        String id = caseOf(starter);
        given().get("/recovery/cases/" + id).then().body("items[0].prescribesOn", equalTo("2030-01-01"));
        String again = """
                {"niss":"%s","quarter":"2024-Q3","dueDate":"2024-09-30","total":1412.90,"paid":0,"outstanding":1412.90,
                 "structuredCommunication":"+++243/0000/00114+++","startYear":2024,"reducible":false}""".formatted(starter);
        EventSchemas.assertValid("be.caisse.contribution.overdue.v1", again);
        send(starter, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", again);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then()
                .body("debt", equalTo(1412.90f)).body("items", hasSize(1)).body("items[0].prescribesOn", equalTo("2032-01-01")));
        given().get("/recovery/worklist?kind=PROPOSE_REDUCTION&size=100").then().body("items.caseId", not(hasItem(id)));
        String current = """
                {"niss":"%s","quarter":"2026-Q2","dueDate":"2026-06-30","total":2198.34,"paid":0,"outstanding":2198.34,
                 "structuredCommunication":"+++262/0000/00195+++","startYear":null,"reducible":true}""".formatted(starter);
        EventSchemas.assertValid("be.caisse.contribution.overdue.v1", current);
        send(starter, "caisse.contribution.events", "be.caisse.contribution.overdue.v1", current);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/recovery/cases/" + id).then().body("items", hasSize(2)));
        given().get("/recovery/worklist?kind=PROPOSE_REDUCTION&size=100").then().body("items.caseId", hasItem(id))
                .body("items.find { it.caseId == '" + id + "' }.request", equalTo("/api/contributions/accounts/" + starter + "/requests ESTIMATE"));
    }

    static List<be.caisse.documents.archive.IssuedDocument> documents(String query, Object... params) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                be.caisse.documents.archive.IssuedDocument.<be.caisse.documents.archive.IssuedDocument>list(query, params));
    }

    static String text(java.util.UUID id) {
        byte[] pdf = given().accept("application/pdf").get("/recovery/documents/" + id).then().statusCode(200).extract().asByteArray();
        return be.caisse.testsupport.DocumentChecks.text(pdf).replaceAll("(\\S)- ", "$1-");
    }

    static void says(String text, String... phrases) {
        for (String phrase : phrases) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains(be.caisse.testsupport.DocumentChecks.plain(phrase)),
                    "«" + phrase + "» in: " + text);
        }
    }

    /**
     * Issue 11: every step of the path that writes to the debtor is a document of that day, in her language, issued
     * once: the two reminders, the registered last reminder with the mentions of art. 46 (the sums, a month to contest
     * or to ask for terms by registered letter, the contrainte otherwise), the contrainte with the opposition of
     * art. 47bis; the print batch puts the registered letter on the post office's list; a plan's agreement carries a
     * QR code per instalment.
     */
    @Test
    @Order(20)
    void theLettersOfThePathAreDocumentsOfTheirDay() throws Exception {
        given().post("/recovery/letters").then().statusCode(200);
        given().post("/recovery/letters").then().statusCode(200).body("issued", equalTo(0)); // never a step's letter twice
        List<be.caisse.documents.archive.IssuedDocument> letters = documents("businessKey like ?1 order by issuedAt", caseId + ":%");
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(caseId + ":REMINDED", caseId + ":SECOND_REMINDED", caseId + ":LAST_REMINDER", caseId + ":CONTRAINTE_ISSUED"),
                letters.stream().map(d -> d.businessKey).toList());
        says(text(letters.get(0).id), "Rappel – cotisations sociales impayées", "Marie Lambert", "Dossier " ,
                "1er trimestre 2026 cotisations 926,48 €", "Total dû 926,48 €", "au plus tard le 20 mai 2026");
        says(text(letters.get(1).id), "Deuxième rappel – cotisations sociales impayées", "au plus tard le 19 juin 2026");
        be.caisse.documents.archive.IssuedDocument last = letters.get(2);
        org.junit.jupiter.api.Assertions.assertTrue(last.registered, "art. 46: by registered letter");
        says(text(last.id), "RECOMMANDÉ", "Dernier rappel avant contrainte (article 46 de l'arrêté royal du 19 décembre 1967)",
                "Total dû 926,48 €", "d'un mois, soit jusqu'au 19 juillet 2026",
                "contester ces sommes, par lettre recommandée motivée", "demander des facilités de paiement, par lettre recommandée",
                "procéder au recouvrement par voie de contrainte");
        byte[] contrainte = given().accept("application/pdf").get("/recovery/documents/" + letters.get(3).id).then().statusCode(200)
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(contrainte));
        says(text(letters.get(3).id), "Contrainte (article 20, § 7, de l'arrêté royal n° 38 ; article 47bis", "(RR123456785BE)",
                "majorations 27,79 €", "Total dû 954,27 €", "dans le mois de la signification");

        // the print batch: the registered letter apart, on the post office's list
        String batch = given().post("/recovery/print-batches").then().statusCode(201).body("registered", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().path("id");
        String postList = given().accept("text/csv").get("/recovery/print-batches/" + batch + "/files/POST_LIST").then().statusCode(200)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(postList.contains(last.id.toString()) && postList.contains("Marie Lambert"), postList);
        org.junit.jupiter.api.Assertions.assertNotNull(documents("id = ?1", last.id).get(0).sentAt, "the date sent is recorded");

        // a plan's agreement: one QR code per instalment, each with the fund's IBAN and the instalment's YY8 communication
        List<be.caisse.documents.archive.IssuedDocument> plans = documents("type = 'payment-plan' and niss = ?1 order by issuedAt", PLANNER);
        org.junit.jupiter.api.Assertions.assertFalse(plans.isEmpty());
        byte[] plan = given().accept("application/pdf").get("/recovery/documents/" + plans.get(0).id).then().statusCode(200)
                .extract().asByteArray();
        String planText = be.caisse.testsupport.DocumentChecks.text(plan);
        says(planText, "Plan de paiement accordé", "Sofie Wouters", "926,48 € en 3 mensualités", "308,84 €");
        List<String> qr = be.caisse.testsupport.DocumentChecks.qrCodes(plan);
        org.junit.jupiter.api.Assertions.assertEquals(3, qr.size(), "a QR code per instalment");
        for (String payload : qr) {
            org.junit.jupiter.api.Assertions.assertTrue(payload.startsWith("BCD\n002\n1\nSCT") && payload.contains("BE68539007547034")
                    && java.util.regex.Pattern.compile("\n268\\d{9}\n").matcher(payload).find(), payload);
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(plan));
    }
}
