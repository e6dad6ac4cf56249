package be.caisse.affiliation.documents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.PersonData;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.time.CaisseClock;
import be.caisse.testsupport.DocumentChecks;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.MailBox;
import be.caisse.testsupport.MailTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11, the member's side of documents: person events carry the postal address and the channel (e-mail by
 * default once an address is known), the member chooses her channel, the affiliation certificate is issued as a
 * PDF/A in her language, every service's documents are listed in her dossier (corrections marked), and a new
 * document is announced by an e-mail that a real SMTP/IMAP server (GreenMail) receives: in her language, with the
 * link, without personal data, once.
 */
@QuarkusTest
@QuarkusTestResource(MailTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberDocumentsTest {
    static final String LEA = "88030405248";
    static final String JAN = "88030405347";
    static final String NO_MAIL = "88030405149";
    static final String LEA_MAIL = "lea.documents@example.be";
    static final String JAN_MAIL = "jan.documents@example.be";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Inject
    AffiliationService affiliations;

    @Inject
    CaisseClock clock;

    @BeforeEach
    void pinTheDate() {
        clock.setToday(TODAY);
    }

    void register(String niss, String first, String last, String language, String email) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (PersonEntity.findById(niss) == null) {
                affiliations.register(new AffiliationService.Registration(Niss.parse(niss),
                        new PersonData(first, last, null, language, email, null, null,
                                new PersonData.Address("Rue Haute", "12", "3", "1000", "Bruxelles", "BE"), null, null),
                        CategoryDetails.principal(), LocalDate.of(2024, 2, 1), false, false), "agent");
            }
        });
    }

    static TopicReader.Event personEvent(String niss, String type, java.util.function.Predicate<String> value) {
        return TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.affiliation.events",
                Duration.ofSeconds(30), e -> niss.equals(e.key()) && type.equals(e.header("ce_type")) && value.test(e.value()));
    }

    @Test
    @Order(1)
    @TestSecurity(user = "agent", roles = "agent")
    void personEventsCarryTheAddressAndTheChannel() {
        register(LEA, "Léa", "Documents", "fr", LEA_MAIL);
        register(NO_MAIL, "Paul", "Papier", "fr", null);
        TopicReader.Event lea = personEvent(LEA, "be.caisse.affiliation.person-registered.v1", v -> true);
        EventSchemas.assertValid(lea.header("ce_type"), lea.value());
        assertTrue(lea.value().contains("\"deliveryChannel\":\"EMAIL\""), lea.value());
        assertTrue(lea.value().contains("\"line1\":\"Rue Haute 12 bte 3\"") && lea.value().contains("\"line2\":\"1000 Bruxelles\""),
                "the address as a letter prints it: " + lea.value());
        TopicReader.Event paul = personEvent(NO_MAIL, "be.caisse.affiliation.person-registered.v1", v -> true);
        assertTrue(paul.value().contains("\"deliveryChannel\":\"PAPER\""), "no address, no e-mail: " + paul.value());

        given().header("Accept-Language", "en").contentType("application/json").body("{\"deliveryChannel\":\"EMAIL\"}")
                .patch("/affiliations/persons/" + NO_MAIL).then().statusCode(400)
                .body("type", containsString("delivery-channel-no-email")).body("detail", containsString("e-mail address"));
        given().contentType("application/json").body("{\"deliveryChannel\":\"PIGEON\"}")
                .patch("/affiliations/persons/" + NO_MAIL).then().statusCode(400).body("errors.field", hasItem("deliveryChannel"));
        given().get("/affiliations/persons/" + LEA).then().statusCode(200).body("deliveryChannel", equalTo("EMAIL"));
        // an address given later turns the default to e-mail, and that change is published
        given().contentType("application/json").body("{\"email\":\"paul.papier@example.be\"}")
                .patch("/affiliations/persons/" + NO_MAIL).then().statusCode(200).body("deliveryChannel", equalTo("EMAIL"));
        TopicReader.Event changed = personEvent(NO_MAIL, "be.caisse.affiliation.person-changed.v1",
                v -> v.contains("\"field\":\"DELIVERY_CHANNEL\""));
        EventSchemas.assertValid(changed.header("ce_type"), changed.value());
        assertTrue(changed.value().contains("\"newValue\":\"EMAIL\""), changed.value());
    }

    @Test
    @Order(2)
    @TestSecurity(user = "lea", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = LEA))
    void theMemberGetsHerCertificateListedAndAnnouncedByEmail() throws Exception {
        register(LEA, "Léa", "Documents", "fr", LEA_MAIL);
        var answer = given().accept("application/pdf").get("/affiliations/me/certificate").then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", startsWith("inline; filename=\"affiliation-certificate-"))
                .extract();
        byte[] pdf = answer.asByteArray();
        String text = DocumentChecks.text(pdf);
        for (String expected : List.of("Attestation d'affiliation", "Léa Documents", "88.03.04-052.48",
                "travailleur indépendant à titre principal", "Affilié(e) depuis le 1 février 2024",
                "Situation au 1 décembre 2026 affilié(e) en activité", "Rue Haute 12 bte 3", "1000 Bruxelles",
                "tribunal du travail")) {
            assertTrue(text.contains(expected), "certificate says «" + expected + "»: " + text);
        }
        assertEquals(List.of(), DocumentChecks.pdfaFailures(pdf), "PDF/A conformant");
        String etag = answer.header("ETag");
        given().accept("application/pdf").get("/affiliations/me/certificate").then().statusCode(200)
                .header("ETag", equalTo(etag)); // asked again the same day: the same document

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/affiliations/me/documents")
                .then().statusCode(200).extract().<String>path("items.find { it.type == 'affiliation-certificate' }.documentId"),
                notNullValue());
        given().get("/affiliations/me/documents").then().body("totalItems", equalTo(1))
                .body("items[0].owner", equalTo("affiliations")).body("items[0].language", equalTo("fr"))
                .body("items[0].channel", equalTo("EMAIL")).body("items[0].href", equalTo("/api/affiliations/documents/" + id))
                .body("items[0].title", startsWith("Attestation d'affiliation"));
        given().accept("application/pdf").get("/affiliations/documents/" + id).then().statusCode(200).header("ETag", equalTo(etag));

        List<MailBox.Mail> mails = await().atMost(Duration.ofSeconds(30))
                .until(() -> MailBox.read(MailTestResource.imapPort(), LEA_MAIL), m -> !m.isEmpty());
        MailBox.Mail mail = mails.get(0);
        assertTrue(mail.subject().startsWith("Un nouveau document dans votre dossier"), mail.subject());
        assertTrue(mail.body().contains("/api/affiliations/documents/" + id), "the link: " + mail.body());
        assertTrue(mail.body().contains("Bonjour") && mail.body().contains("aucune donnée personnelle"), mail.body());
        for (String personal : List.of("Léa", "Documents", LEA, "88.03.04", "Rue Haute")) {
            assertFalse(mail.body().contains(personal) || mail.subject().contains(personal), "no personal data (" + personal + "): " + mail.body());
        }
        assertEquals(id, mail.header("X-Caisse-Document"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/affiliations/me/documents").then()
                .body("items[0].mailStatus", equalTo("SENT")).body("items[0].sentAt", notNullValue()));
        TopicReader.Event delivered = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.affiliation.documents",
                Duration.ofSeconds(30), e -> "be.caisse.documents.document-delivered.v1".equals(e.header("ce_type"))
                        && e.value().contains(id));
        EventSchemas.assertValid(delivered.header("ce_type"), delivered.value());
        assertTrue(delivered.value().contains("\"channel\":\"EMAIL\""), delivered.value());
        Thread.sleep(2500); // two more mailer passes: still one mail
        assertEquals(1, MailBox.read(MailTestResource.imapPort(), LEA_MAIL).size(), "announced once");

        given().get("/affiliations/" + JAN + "/documents").then().statusCode(403);
        given().get("/affiliations/me/documents?type=NOT A TYPE").then().statusCode(400).body("errors.field", hasItem("type"));
        given().get("/affiliations/me/documents?page=999999999999").then().statusCode(400);
    }

    static void issued(String topic, String owner, UUID id, String niss, String type, String title, String channel,
                       UUID replaces, String issuedAt) {
        String data = """
                {"documentId":"%s","owner":"%s","type":"%s","title":"%s","documentDate":"2026-12-01","issuedAt":"%s",
                 "language":"nl","niss":"%s","channel":"%s","registered":false%s,"href":"/api/%s/documents/%s"}
                """.formatted(id, owner, type, title, issuedAt, niss, channel,
                replaces == null ? "" : ",\"replaces\":\"" + replaces + "\"", owner, id);
        EventSchemas.assertValid("be.caisse.documents.document-issued.v1", data);
        TopicReader.send(KafkaTestResource.bootstrapServers(), topic, niss, data, Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "be.caisse.documents.document-issued.v1", "ce_specversion", "1.0",
                "ce_source", "/caisse/" + owner, "content-type", "application/json"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "agent", roles = "agent")
    void theOtherServicesDocumentsAreListedWithTheirCorrectionsAndMailedInTheMembersLanguage() throws Exception {
        register(JAN, "Jan", "Documenten", "nl", JAN_MAIL);
        UUID notice = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        UUID letter = UUID.randomUUID();
        issued("caisse.contribution.documents", "contributions", notice, JAN, "payment-notice",
                "Vervaldagbericht – 1ste kwartaal 2027", "EMAIL", null, "2026-12-01T10:00:00+01:00");
        issued("caisse.contribution.documents", "contributions", corrected, JAN, "payment-notice",
                "Vervaldagbericht – 1ste kwartaal 2027", "EMAIL", notice, "2026-12-01T11:00:00+01:00");
        issued("caisse.recovery.documents", "recovery", letter, JAN, "reminder", "Herinnering", "PAPER", null,
                "2026-12-01T09:00:00+01:00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/affiliations/" + JAN + "/documents")
                .then().statusCode(200).body("totalItems", equalTo(3)));
        given().get("/affiliations/" + JAN + "/documents").then()
                .body("items.documentId", equalTo(List.of(corrected.toString(), notice.toString(), letter.toString())))
                .body("items[1].replacedBy", equalTo(corrected.toString()))
                .body("items[0].replaces", equalTo(notice.toString()))
                .body("items[2].mailStatus", equalTo("NONE"));
        given().get("/affiliations/" + JAN + "/documents?current=true&type=payment-notice").then()
                .body("items.documentId", equalTo(List.of(corrected.toString())));
        given().get("/affiliations/" + JAN + "/documents?size=1&page=1").then()
                .body("items.documentId", equalTo(List.of(notice.toString()))).body("totalPages", equalTo(3));

        List<MailBox.Mail> mails = await().atMost(Duration.ofSeconds(30)).until(
                () -> MailBox.read(MailTestResource.imapPort(), JAN_MAIL),
                m -> m.stream().anyMatch(x -> corrected.toString().equals(x.header("X-Caisse-Document"))));
        MailBox.Mail mail = mails.stream().filter(x -> corrected.toString().equals(x.header("X-Caisse-Document"))).findFirst().orElseThrow();
        assertTrue(mail.subject().startsWith("Een nieuw document in uw dossier"), mail.subject());
        assertTrue(mail.body().contains("Vervaldagbericht – 1ste kwartaal 2027") && mail.body().contains("/api/contributions/documents/" + corrected),
                mail.body());
        assertEquals(mails.size(), mails.stream().map(x -> x.header("X-Caisse-Document")).distinct().count(), "no document mailed twice");
        assertTrue(mails.stream().noneMatch(x -> letter.toString().equals(x.header("X-Caisse-Document"))), "paper is not mailed");

        // the print batch of recovery-service sent the letter: its date sent reaches the list
        TopicReader.send(KafkaTestResource.bootstrapServers(), "caisse.recovery.documents", JAN,
                "{\"documentId\":\"" + letter + "\",\"owner\":\"recovery\",\"channel\":\"PAPER\",\"sentAt\":\"2026-12-02T08:00:00+01:00\",\"printBatchId\":\"" + UUID.randomUUID() + "\"}",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "be.caisse.documents.document-delivered.v1",
                        "ce_specversion", "1.0", "ce_source", "/caisse/recovery", "content-type", "application/json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/affiliations/" + JAN + "/documents?type=reminder")
                .then().body("items[0].sentAt", notNullValue()));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "lea", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = LEA))
    void theMemberChoosesPaperAndTheNextDaysCertificateReplacesTheFirst() {
        register(LEA, "Léa", "Documents", "fr", LEA_MAIL);
        given().accept("application/pdf").get("/affiliations/me/certificate").then().statusCode(200);
        given().contentType("application/json").body("{\"deliveryChannel\":\"PAPER\"}").patch("/affiliations/me/contact")
                .then().statusCode(200).body("deliveryChannel", equalTo("PAPER"));
        TopicReader.Event changed = personEvent(LEA, "be.caisse.affiliation.person-changed.v1",
                v -> v.contains("\"field\":\"DELIVERY_CHANNEL\"") && v.contains("\"newValue\":\"PAPER\""));
        EventSchemas.assertValid(changed.header("ce_type"), changed.value());
        clock.setToday(TODAY.plusDays(1));
        given().accept("application/pdf").get("/affiliations/me/certificate").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/affiliations/me/documents?type=affiliation-certificate")
                .then().body("totalItems", equalTo(2)).body("items[0].channel", equalTo("PAPER"))
                .body("items[0].mailStatus", equalTo("NONE")).body("items[1].replacedBy", notNullValue()));
    }
}
