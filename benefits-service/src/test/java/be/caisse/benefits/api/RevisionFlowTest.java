package be.caisse.benefits.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.benefits.application.ClaimService;
import be.caisse.benefits.application.RevisionService;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Undue amounts (REFERENCE.md §4, §10.7). A bridging right granted with family charge (€2,129.88 a month from
 * 1 March 2026) is paid three months; the member had no dependant: an agent prepares a revision (facts the member
 * did not declare), a supervisor approves it. The three months paid are €425.43 each too much (€1,276.29, no
 * interest, art. 21), the months to come are paid at €1,704.45, and the next payment run offsets the undue amount
 * on August (€1,704.45 − €1,276.29 = €428.16 transferred). A second revision (the fund's error the member knew of,
 * art. 17 al. 2) claims August back by a payment request with its structured communication; a repayment above the
 * balance is refused, the same bank line twice is recorded once.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benefits"))
@QuarkusTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisionFlowTest {
    static final String MEMBER = Nisses.of(LocalDate.of(1979, 3, 3), 145);
    static String claim;
    static String firstRevision;
    static String undue;

    @Inject
    CaisseClock clock;

    static void send(String topic, String type, String data) {
        TopicReader.send(KafkaTestResource.bootstrapServers(), topic, MEMBER, data, Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_specversion", "1.0", "ce_source", "/caisse/test"));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "agent", roles = "agent")
    void aBridgingRightIsGrantedWithFamilyChargeAndPaidThreeMonths() {
        clock.setToday(LocalDate.of(2026, 5, 20));
        send("caisse.affiliation.events", "be.caisse.affiliation.person-registered.v1",
                "{\"niss\":\"" + MEMBER + "\",\"firstName\":\"Luc\",\"lastName\":\"Renard\",\"language\":\"fr\",\"sex\":\"M\"}");
        // a member of Solidaris (300): the kept social rights go to its partner topic only
        send("caisse.affiliation.events", "be.caisse.affiliation.mutuality-changed.v1",
                "{\"niss\":\"" + MEMBER + "\",\"history\":[{\"mutuality\":\"300\",\"validFrom\":\"2000-01-01\"}]}");
        String affiliation = UUID.randomUUID().toString();
        send("caisse.affiliation.events", "be.caisse.affiliation.registered.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","liableFrom":"2022-01-01","startDate":"2022-01-03"}"""
                .formatted(affiliation, MEMBER));
        for (String q : new String[]{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"}) {
            send("caisse.contribution.events", "be.caisse.contribution.quarter-settled.v1", """
                    {"account":"%s","period":"%s","settledOn":"2026-04-02","due":926.48,"paid":926.48}""".formatted(MEMBER, q));
        }
        send("caisse.affiliation.events", "be.caisse.affiliation.ceased.v1", """
                {"affiliationId":"%s","niss":"%s","category":"PRINCIPAL","date":"2026-04-30","reason":"BANKRUPTCY","liableUntil":"2026-06-30"}"""
                .formatted(affiliation, MEMBER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/benefits/members/" + MEMBER).then().statusCode(200).body("status", equalTo("CEASED")));
        claim = given().contentType("application/json").body("""
                        {"niss":"%s","type":"BRIDGING_RIGHT","factDate":"2026-04-30","ground":"FORCED_INTERRUPTION","cause":"BANKRUPTCY",
                         "months":6,"familyCharge":true,"postalCode":"1000","iban":"BE71 0961 2345 6769"}""".formatted(MEMBER))
                .post("/benefits/claims").then().statusCode(201).extract().path("id");
        given().post("/benefits/claims/" + claim + "/decision").then().statusCode(200).body("decision.total", equalTo(12779.28f));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void theSupervisorApprovesAndThreeMonthsArePaid() {
        clock.setToday(LocalDate.of(2026, 5, 22));
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/claims/" + claim + "/approval")
                .then().statusCode(200).body("status", equalTo("DECIDED")).body("payments", hasSize(6));
        // BridgingRight.keptRightsQuarters: the quarters of the six months (May to October 2026), 4 at most over the career
        TopicReader.Event kept = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.partner.300.events",
                Duration.ofSeconds(30), e -> MEMBER.equals(e.key()) && "be.caisse.partner.kept-rights.v1".equals(e.header("ce_type")));
        be.caisse.testsupport.EventSchemas.assertValid(kept.header("ce_type"), kept.value());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("2026-Q2", "2026-Q3", "2026-Q4"),
                io.restassured.path.json.JsonPath.from(kept.value()).getList("quarters"));
        clock.setToday(LocalDate.of(2026, 7, 31));
        String run = given().contentType("application/json").body("{\"executionDate\":\"2026-07-31\"}").post("/benefits/payment-runs")
                .then().statusCode(201).body("payments", equalTo(3)).body("total", equalTo(6389.64f)).extract().path("id");
        for (String payment : given().get("/benefits/payment-runs/" + run + "/payments").then().extract().jsonPath()
                .<String>getList("items.id")) {
            given().contentType("application/json").body("{\"executedOn\":\"2026-07-31\"}").post("/benefits/payments/" + payment + "/execution")
                    .then().statusCode(200);
        }
    }

    @Test
    @Order(3)
    @TestSecurity(user = "agent", roles = "agent")
    void anAgentPreparesTheRevisionAndCannotApproveIt() {
        clock.setToday(LocalDate.of(2026, 8, 3));
        // nothing to revise when the corrected facts give the same decision
        given().contentType("application/json").body("""
                        {"reason":"check","cause":"MEMBER_FACTS","corrections":{"familyCharge":true}}""")
                .post("/benefits/claims/" + claim + "/revisions").then().statusCode(409).body("type", containsString("revision-changes-nothing"));
        given().contentType("application/json").body("{\"reason\":\"x\",\"cause\":\"MISTAKE\",\"recovery\":3,\"corrections\":{\"months\":13}}")
                .post("/benefits/claims/" + claim + "/revisions").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("cause", "recovery", "corrections.months"));
        firstRevision = given().contentType("application/json").body("""
                        {"reason":"Le registre national ne mentionne aucune personne à charge au 30 avril 2026.","cause":"MEMBER_FACTS",
                         "recovery":"OFFSET","corrections":{"familyCharge":false}}""")
                .post("/benefits/claims/" + claim + "/revisions").then().statusCode(201)
                .header("Location", containsString("/benefits/revisions/"))
                .body("status", equalTo("PREPARED")).body("previous.total", equalTo(12779.28f))
                .body("total", equalTo(10226.70f))                    // 6 × €1,704.45
                .body("overpaid", equalTo(1276.29f)).body("recoverable", equalTo(1276.29f)).body("waived", equalTo(0.00f))
                .body("interest", equalTo(0.00f))                      // art. 21: no interest without fraud
                .body("lines", hasSize(3)).body("lines[0].overpaid", equalTo(425.43f))
                .extract().path("id");
        given().contentType("application/json").body("{\"reason\":\"again\",\"cause\":\"MEMBER_FACTS\",\"corrections\":{\"months\":5}}")
                .post("/benefits/claims/" + claim + "/revisions").then().statusCode(409).body("type", containsString("revision-under-way"));
        given().contentType("application/json").body("{\"approve\":true}").post("/benefits/revisions/" + firstRevision + "/approval")
                .then().statusCode(403);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void approvedTheRevisionReplacesTheDecisionAndEstablishesTheUndueAmount() {
        clock.setToday(LocalDate.of(2026, 8, 4));
        JsonPath r = given().header("Accept-Language", "en").contentType("application/json").body("{\"approve\":true}")
                .post("/benefits/revisions/" + firstRevision + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("undue.amount", equalTo(1276.29f)).body("undue.balance", equalTo(1276.29f))
                .body("undue.recovery", equalTo("OFFSET")).body("undue.structuredCommunication", containsString("+++"))
                .body("undue.payBy", equalTo("2026-09-03"))
                .body("appeal.appealBy", equalTo("2026-11-04")).body("notifiedOn", equalTo("2026-08-04"))
                .extract().jsonPath();
        undue = r.getString("undue.id");
        // the art. 14 mentions with the revision's own reference, in the member's language (fr)
        List<String> mentions = r.getList("appeal.mentions");
        assertTrue(mentions.stream().anyMatch(m -> m.contains(r.getString("reference"))), mentions.toString());
        assertTrue(mentions.stream().anyMatch(m -> m.contains("Tribunal du travail francophone de Bruxelles")), mentions.toString());
        List<String> motivation = r.getList("motivation");
        assertTrue(motivation.stream().anyMatch(m -> m.contains("1276.29") || m.contains("1,276.29")), motivation.toString());
        // the claim's decision is now the revised one; the months not paid are paid at the revised amount
        JsonPath c = given().get("/benefits/claims/" + claim).then().statusCode(200)
                .body("decision.total", equalTo(10226.70f)).body("status", equalTo("DECIDED")).extract().jsonPath();
        assertEquals(3, c.getList("payments.findAll { it.status == 'CANCELLED' }").size());
        assertEquals(List.of(1704.45f, 1704.45f, 1704.45f), c.getList("payments.findAll { it.status == 'SCHEDULED' }.amount"));
        TopicReader.Event revised = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> RevisionService.REVISED.equals(e.header("ce_type")) && e.value().contains(firstRevision));
        EventSchemas.assertValid(RevisionService.REVISED, revised.value());
        // the member sees the approved revision on her claim
        given().get("/benefits/claims/" + claim + "/revisions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].undue.amount", equalTo(1276.29f));
        given().get("/benefits/undue?status=OPEN").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(undue));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void theNextPaymentRunOffsetsTheUndueAmount() throws Exception {
        clock.setToday(LocalDate.of(2026, 8, 31));
        String run = given().contentType("application/json").body("{\"executionDate\":\"2026-08-31\"}").post("/benefits/payment-runs")
                .then().statusCode(201).body("payments", equalTo(1)).body("offset", equalTo(1276.29f))
                .body("total", equalTo(428.16f)).extract().path("id");
        String xml = given().get("/benefits/payment-runs/" + run + "/pain001").then().statusCode(200).extract().asString();
        be.caisse.testsupport.XmlSchemas.assertValid(xml, getClass().getResource("/sepa/pain.001.001.09.xsd"));
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">428.16</InstdAmt>"), xml);
        given().get("/benefits/undue?status=SETTLED").then().body("items.find { it.id == '" + undue + "' }.balance", equalTo(0.00f));
        String payment = given().get("/benefits/payment-runs/" + run + "/payments").then()
                .body("items[0].offset", equalTo(1276.29f)).body("items[0].amount", equalTo(1704.45f)).extract().path("items[0].id");
        TopicReader.Event settled = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> RevisionService.UNDUE_SETTLED.equals(e.header("ce_type")) && e.value().contains(undue));
        EventSchemas.assertValid(RevisionService.UNDUE_SETTLED, settled.value());
        TopicReader.Event ordered = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), ClaimService.TOPIC, Duration.ofSeconds(30),
                e -> be.caisse.benefits.application.PaymentService.ORDERED.equals(e.header("ce_type")) && e.value().contains(payment));
        EventSchemas.assertValid(be.caisse.benefits.application.PaymentService.ORDERED, ordered.value());
        given().contentType("application/json").body("{\"executedOn\":\"2026-08-31\"}").post("/benefits/payments/" + payment + "/execution")
                .then().statusCode(200);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "agent", roles = "agent")
    void aSecondRevisionClaimsAugustBackByAPaymentRequest() {
        clock.setToday(LocalDate.of(2026, 9, 10));
        // the fund granted six months where the file showed three; the member was told so in writing and knew
        String second = given().contentType("application/json").body("""
                        {"reason":"Trois mois accordés au lieu de six : l'activité a repris le 1er août 2026.","cause":"FUND_ERROR",
                         "memberKnew":true,"recovery":"PAYMENT_REQUEST","corrections":{"months":3}}""")
                .post("/benefits/claims/" + claim + "/revisions").then().log().ifValidationFails().statusCode(201)
                .body("total", equalTo(5113.35f))
                // only August is overpaid: May to July were already found too much by the first revision, once is enough
                .body("overpaid", equalTo(1704.45f)).body("recoverable", equalTo(1704.45f)).body("lines", hasSize(1))
                .body("lines[0].period", equalTo("2026-08"))
                .extract().path("id");
        secondRevision = second;
    }

    static String secondRevision;

    @Test
    @Order(7)
    @TestSecurity(user = "supervisor", roles = {"agent", "supervisor"})
    void theRepaymentIsRecordedOnceAndNeverAboveTheBalance() {
        clock.setToday(LocalDate.of(2026, 9, 11));
        String id = given().contentType("application/json").body("{\"approve\":true}").post("/benefits/revisions/" + secondRevision + "/approval")
                .then().statusCode(200).body("undue.recovery", equalTo("PAYMENT_REQUEST")).body("undue.amount", equalTo(1704.45f))
                .extract().path("undue.id");
        given().get("/benefits/claims/" + claim).then().body("status", equalTo("PAID"))
                .body("payments.findAll { it.status == 'SCHEDULED' }", hasSize(0));
        given().contentType("application/json").body("{\"amount\":2000.00,\"paidOn\":\"2026-09-11\",\"bankReference\":\"CODA-1\"}")
                .post("/benefits/undue/" + id + "/repayments").then().statusCode(409).body("type", containsString("undue-repayment-too-much"));
        given().contentType("application/json").body("{\"amount\":700.00,\"paidOn\":\"2026-09-12\",\"bankReference\":\"CODA-1\"}")
                .post("/benefits/undue/" + id + "/repayments").then().statusCode(400).body("errors[0].field", equalTo("paidOn"));
        given().contentType("application/json").body("{\"amount\":700.00,\"paidOn\":\"2026-09-11\",\"bankReference\":\"CODA-1\"}")
                .post("/benefits/undue/" + id + "/repayments").then().statusCode(200).body("balance", equalTo(1004.45f))
                .body("status", equalTo("OPEN"));
        given().contentType("application/json").body("{\"amount\":700.00,\"paidOn\":\"2026-09-11\",\"bankReference\":\"CODA-1\"}")
                .post("/benefits/undue/" + id + "/repayments").then().statusCode(200).body("balance", equalTo(1004.45f));
        given().get("/benefits/claims/" + claim + "/revisions").then().body("items", hasSize(2))
                .body("items[1].previous.total", equalTo(10226.70f)).body("items[1].undue.balance", equalTo(1004.45f))
                .body("items[0].undue", notNullValue()).body("items[1].appeal", notNullValue())
                .body("items[1].previous.payments", nullValue());
    }

    static byte[] pdf(java.util.UUID id) {
        return given().accept("application/pdf").get("/benefits/documents/" + id).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    static void says(String text, String... phrases) {
        // the layout may break a line after a hyphen ("mois-là", "BEN-2026-000001-R2"): the extracted text then has a space
        String folded = text.replaceAll("(\\S)- ", "$1-");
        for (String phrase : phrases) {
            assertTrue(folded.contains(be.caisse.testsupport.DocumentChecks.plain(phrase)), "«" + phrase + "» in: " + text);
        }
    }

    /**
     * Issue 11: each notified decision is a PDF/A in the member's language with its motivation and the whole art. 14
     * block; each revision issues a decision that replaces the previous one (which stays as it was issued); an undue
     * amount has its own decision, with the QR code of the repayment when one is asked; the 281.18 sheet of 2026 adds
     * up the benefits paid.
     */
    @Test
    @Order(8)
    @TestSecurity(user = "agent", roles = "agent")
    void everyDecisionIsADocumentAndEachRevisionReplacesTheLast() {
        List<be.caisse.documents.archive.IssuedDocument> decisions = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                be.caisse.documents.archive.IssuedDocument.<be.caisse.documents.archive.IssuedDocument>list(
                        "type = ?1 and businessKey = ?2 order by issuedAt", "benefit-decision", claim));
        assertEquals(3, decisions.size(), "the decision, then one per approved revision");
        assertEquals(decisions.get(0).id, decisions.get(1).replaces);
        assertEquals(decisions.get(1).id, decisions.get(2).replaces);
        assertEquals(null, decisions.get(2).replacedBy);

        String first = be.caisse.testsupport.DocumentChecks.text(pdf(decisions.get(0).id));
        says(first, "Décision d'octroi – droit passerelle", "Luc Renard", "Votre demande de droit passerelle est accordée : 6 mois, 12 779,28 € au total",
                "Motivation en fait et en droit", "Vos droits de recours (Charte de l'assuré social, art. 14)");
        assertTrue(!first.contains("Révision"), "the first decision is not a revision");

        byte[] lastPdf = pdf(decisions.get(2).id);
        assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(lastPdf), "PDF/A");
        String last = be.caisse.testsupport.DocumentChecks.text(lastPdf);
        JsonPath revisions = given().header("Accept-Language", "fr").get("/benefits/claims/" + claim + "/revisions").then().extract().jsonPath();
        says(last, "Révision " + revisions.getString("items[1].reference"), "Cette décision révisée remplace la décision précédente", "3 mois, 5 113,35 € au total");
        // the whole art. 14 block as the API states it, word for word, in the member's language
        for (String mention : revisions.<String>getList("items[1].appeal.mentions")) {
            says(last, mention);
        }
        for (String why : revisions.<String>getList("items[1].motivation")) {
            says(last, why);
        }

        List<be.caisse.documents.archive.IssuedDocument> undue = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                be.caisse.documents.archive.IssuedDocument.<be.caisse.documents.archive.IssuedDocument>list(
                        "type = ?1 and niss = ?2 order by issuedAt", "undue-decision", MEMBER));
        assertEquals(2, undue.size(), "one per undue amount");
        byte[] offsetPdf = pdf(undue.get(0).id);
        says(be.caisse.testsupport.DocumentChecks.text(offsetPdf), "Décision de récupération d'un montant indu – droit passerelle",
                "Payé en trop 1 276,29 €", "Montant récupéré 1 276,29 €", "retenu sur vos prochains paiements");
        assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.qrCodes(offsetPdf), "an offset asks for no transfer");
        byte[] requestPdf = pdf(undue.get(1).id);
        String request = be.caisse.testsupport.DocumentChecks.text(requestPdf);
        String communication = revisions.getString("items[1].undue.structuredCommunication");
        says(request, "Veuillez rembourser 1 704,45 € au plus tard le", communication);
        List<String> qr = be.caisse.testsupport.DocumentChecks.qrCodes(requestPdf);
        assertEquals(1, qr.size());
        assertTrue(qr.get(0).contains("EUR1704.45") && qr.get(0).contains(communication.replaceAll("[^0-9]", "")), qr.get(0));
        assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(requestPdf), "PDF/A");

        TopicReader.Event issued = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.benefits.documents", Duration.ofSeconds(30),
                e -> e.value().contains(undue.get(1).id.toString()));
        EventSchemas.assertValid("be.caisse.documents.document-issued.v1", issued.value());
        assertTrue(issued.value().contains("\"href\":\"/api/benefits/documents/" + undue.get(1).id + "\""), issued.value());

        // 281.18: what the JSON sheet adds up, printed in the member's language
        JsonPath sheet = given().get("/benefits/members/" + MEMBER + "/tax-sheets/2026").then().statusCode(200).extract().jsonPath();
        be.caisse.documents.DocumentFormat fr = new be.caisse.documents.DocumentFormat(be.caisse.documents.DocumentLanguage.FR);
        String gross = fr.money(new java.math.BigDecimal(sheet.getString("gross")).setScale(2));
        byte[] taxPdf = given().accept("application/pdf").get("/benefits/members/" + MEMBER + "/tax-sheets/2026").then().statusCode(200)
                .extract().asByteArray();
        says(be.caisse.testsupport.DocumentChecks.text(taxPdf), "Fiche 281.18 – prestations payées en 2026", "droit passerelle " + gross,
                "Précompte (0 %)", "Fiche provisoire");
        assertEquals(List.of(), be.caisse.testsupport.DocumentChecks.pdfaFailures(taxPdf), "PDF/A");
    }
}
