package be.caisse.contribution.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.projection.KnownPerson;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.documents.DocumentEvents;
import be.caisse.documents.DocumentFormat;
import be.caisse.documents.DocumentLanguage;
import be.caisse.documents.archive.IssuedDocument;
import be.caisse.testsupport.DocumentChecks;
import be.caisse.testsupport.EventSchemas;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.Nisses;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The payment notice (avis d'échéance) of a quarter as a PDF/A document in the member's language, with the EPC QR
 * code of the transfer; issued once per revision, archived with its hash, corrected by a document that replaces it,
 * and printed in the daily batch when the member receives her letters on paper.
 */
@QuarkusTest
@TestSecurity(user = "admin", roles = "admin")
class ContributionDocumentsTest {
    static final String FR = Nisses.of(LocalDate.of(1981, 2, 3), 41);
    static final String NL = Nisses.of(LocalDate.of(1982, 3, 4), 42);
    static final String DE = Nisses.of(LocalDate.of(1983, 4, 5), 43);

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    @Inject
    be.caisse.contribution.application.NoticeDocumentJob noticeJob;

    void member(String niss, String first, String last, String language, String channel) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnownPerson p = KnownPerson.findById(niss);
            if (p == null) {
                p = new KnownPerson();
                p.niss = niss;
            }
            p.firstName = first;
            p.lastName = last;
            p.language = language;
            p.addressLine1 = "Grand-Place 7";
            p.addressLine2 = "1000 Bruxelles";
            p.country = "BE";
            p.deliveryChannel = channel;
            p.updatedAt = OffsetDateTime.now();
            p.persist();
            if (be.caisse.contribution.persistence.ContributionAccountEntity.findById(niss) == null) {
                accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss, ContributorCategory.PRINCIPAL,
                        LocalDate.of(2026, 10, 1), false));
            }
        });
    }

    ContributionQuarterEntity quarter(String niss) {
        return QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", niss, "2026-Q4").firstResult());
    }

    IssuedDocument notice(String niss) {
        return QuarkusTransaction.requiringNew().call(() -> IssuedDocument.find(
                "niss = ?1 and type = 'payment-notice' and replacedBy is null", niss).firstResult());
    }

    byte[] pdf(UUID id) {
        Response r = given().accept("application/pdf").get("/contributions/documents/" + id);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/pdf", r.contentType());
        assertTrue(r.header("Content-Disposition").startsWith("inline; filename=\"payment-notice-"), r.header("Content-Disposition"));
        return r.asByteArray();
    }

    @Test
    void theNoticeOfAQuarterIsAPdfAInTheMembersLanguageWithItsQrCode() {
        member(FR, "Léa", "Dubois", "fr", "PAPER");
        member(NL, "Jan", "Peeters", "nl", "EMAIL");
        member(DE, "Anna", "Schmitz", "de", "PAPER");
        given().post("/contributions/notice-documents").then().statusCode(200);
        assertEquals(0, (int) given().post("/contributions/notice-documents").then().statusCode(200).extract().path("issued"),
                "a notice is issued once");

        Map<String, List<String>> expected = Map.of(
                FR, List.of("Avis d'échéance – cotisations sociales du 4e trimestre 2026", "Léa Dubois", "Grand-Place 7",
                        "Cotisation sociale provisoire", "À payer au plus tard le 31 décembre 2026", "Communication structurée",
                        "à titre principal", "majorée de 3 % par trimestre", "de 7 % une seule fois", "BCE 0999.999.999",
                        "tribunal du travail"),
                NL, List.of("Vervaldagbericht – sociale bijdragen van het 4de kwartaal 2026", "Jan Peeters",
                        "Voorlopige sociale bijdrage", "Te betalen uiterlijk op 31 december 2026", "Gestructureerde mededeling",
                        "verhoogd met 3 % per kwartaal", "KBO 0999.999.999", "arbeidsrechtbank"),
                DE, List.of("Fälligkeitsmitteilung – Sozialbeiträge 4. Quartal 2026", "Anna Schmitz",
                        "Vorläufiger Sozialbeitrag", "Zu zahlen spätestens am 31. Dezember 2026", "Strukturierte Mitteilung",
                        "um 3 % je Quartal", "ZOB 0999.999.999", "Arbeitsgericht"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String niss = e.getKey();
            ContributionQuarterEntity q = quarter(niss);
            IssuedDocument doc = notice(niss);
            assertNotNull(doc, "notice of " + niss);
            byte[] bytes = pdf(doc.id);
            assertEquals(List.of(), DocumentChecks.pdfaFailures(bytes), "PDF/A-2u of " + niss);
            String text = DocumentChecks.text(bytes);
            DocumentFormat f = new DocumentFormat(DocumentLanguage.of(doc.language));
            BigDecimal total = q.legalAmount.add(q.fee);
            for (String phrase : e.getValue()) {
                assertTrue(text.contains(phrase), phrase + " in " + text);
            }
            String communication = StructuredCommunication.parse(q.structuredCommunication).formatted();
            assertTrue(text.contains(communication), communication);
            assertTrue(text.contains(DocumentChecks.plain(f.money(q.legalAmount))) && text.contains(DocumentChecks.plain(f.money(q.fee)))
                            && text.contains(DocumentChecks.plain(f.money(total))),
                    "contribution, fee and total in " + text);
            assertTrue(text.contains(DocumentFormat.niss(niss)), "the member's NISS");
            assertEquals(List.of("BCD\n002\n1\nSCT\nGKCCBEBB\nCaisse d'assurances sociales Caisse\nBE68539007547034\nEUR"
                    + total.toPlainString() + "\n\n" + q.structuredCommunication + "\n"), DocumentChecks.qrCodes(bytes),
                    "the EPC QR code: the fund's account, the amount and the structured communication");
            assertEquals(be.caisse.documents.DocumentRenderer.sha256(bytes), doc.sha256);
            assertEquals("payment-notice." + doc.language + ".html", doc.template);
        }
        assertEquals("EMAIL", notice(NL).channel);
        assertEquals("PAPER", notice(FR).channel);

        TopicReader.Event event = TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.contribution.documents",
                Duration.ofSeconds(30), ev -> DocumentEvents.ISSUED.equals(ev.header("ce_type")) && NL.equals(ev.key()));
        EventSchemas.assertValid(event.header("ce_type"), event.value());
        assertTrue(event.value().contains("\"href\":\"/api/contributions/documents/" + notice(NL).id + "\""), event.value());
        assertTrue(!event.value().contains("Peeters"), "no personal content on Kafka beyond the NISS key and the title");
    }

    @Test
    void aRevisedQuarterGetsANoticeThatReplacesTheFirstWhichStaysAsIssued() {
        String niss = Nisses.of(LocalDate.of(1984, 5, 6), 44);
        member(niss, "Marie", "Lambert", "fr", "PAPER");
        given().post("/contributions/notice-documents").then().statusCode(200);
        IssuedDocument first = notice(niss);
        byte[] firstBytes = pdf(first.id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE contribution_quarter SET legal_amount = legal_amount + 100, revision = revision + 1 "
                                + "WHERE niss = :n AND quarter = '2026-Q4'").setParameter("n", niss).executeUpdate());
        given().post("/contributions/notice-documents").then().statusCode(200);
        IssuedDocument second = notice(niss);
        assertNotEquals(first.id, second.id);
        assertEquals(first.id, second.replaces, "the correction names the document it replaces");
        assertArrayEquals(firstBytes, pdf(first.id), "the replaced document is still served as issued");
        String text = DocumentChecks.text(pdf(second.id));
        ContributionQuarterEntity q = quarter(niss);
        assertTrue(text.contains(DocumentChecks.plain(new DocumentFormat(DocumentLanguage.FR).money(q.legalAmount.add(q.fee)))), text);
    }

    @Test
    void paperLettersGoInTheDailyPrintBatchOnceAndTheirDateSentIsRecorded() {
        String niss = Nisses.of(LocalDate.of(1985, 6, 7), 45);
        member(niss, "Paul", "Martin", "fr", "PAPER");
        given().post("/contributions/notice-documents").then().statusCode(200);
        IssuedDocument doc = notice(niss);
        Response batch = given().post("/contributions/print-batches");
        assertEquals(201, batch.statusCode(), batch.asString());
        int letters = batch.path("letters");
        assertTrue(letters >= 1, batch.asString());
        String href = batch.path("files.find { it.kind == 'LETTERS' }.href");
        byte[] merged = given().get(href.replace("/api", "")).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertEquals(letters, DocumentChecks.pages(merged), "one page a notice");
        assertTrue(DocumentChecks.text(merged).contains("Paul Martin"));
        IssuedDocument sent = notice(niss);
        assertNotNull(sent.sentAt, "the date sent is recorded");
        assertEquals(batch.path("id").toString(), sent.printBatchId.toString());
        assertEquals(0, (int) given().post("/contributions/print-batches").then().statusCode(201).extract().path("letters"),
                "a letter is printed once");
        assertNotNull(doc);
    }

    @Test
    @TestSecurity(user = "lea", roles = "affiliate")
    @OidcSecurity(claims = @Claim(key = "niss", value = "85071412330"))
    void aMemberGetsHerOwnDocumentsOnly() {
        String someoneElse = Nisses.of(LocalDate.of(1987, 8, 9), 48);
        member(someoneElse, "Eva", "Janssens", "nl", "PAPER");
        noticeJob.issuePending();
        IssuedDocument other = notice(someoneElse);
        assertNotNull(other, "another member's notice");
        given().accept("application/pdf").get("/contributions/documents/" + other.id).then().statusCode(403);
        given().accept("application/pdf").get("/contributions/documents/" + UUID.randomUUID()).then().statusCode(404);
        given().post("/contributions/print-batches").then().statusCode(403);
        given().post("/contributions/notice-documents").then().statusCode(403);
    }

    @Test
    void aRegularisationIssuesItsNoticeWithTheSupplementToPay() {
        String niss = Nisses.of(LocalDate.of(1979, 8, 9), 46);
        QuarkusTransaction.requiringNew().run(() -> {
            KnownPerson p = new KnownPerson();
            p.niss = niss;
            p.firstName = "Sophie";
            p.lastName = "Wouters";
            p.language = "nl";
            p.addressLine1 = "Meir 1";
            p.addressLine2 = "2000 Antwerpen";
            p.deliveryChannel = "PAPER";
            p.updatedAt = OffsetDateTime.now();
            p.persist();
            accounts.open(new AccountService.NewAffiliation(UUID.randomUUID(), niss, ContributorCategory.PRINCIPAL,
                    LocalDate.of(2025, 1, 1), false));
        });
        given().contentType("application/json").body("{\"year\":2025,\"amount\":60000.00,\"source\":\"TAX_ADMINISTRATION\"}")
                .post("/contributions/accounts/" + niss + "/incomes").then().statusCode(201)
                .body("regularisation.outcome", org.hamcrest.Matchers.equalTo("SUPPLEMENT"));
        IssuedDocument doc = QuarkusTransaction.requiringNew().call(() -> IssuedDocument.find(
                "niss = ?1 and type = 'regularisation-notice'", niss).firstResult());
        assertNotNull(doc, "the regularisation issues its notice");
        byte[] bytes = given().accept("application/pdf").get("/contributions/documents/" + doc.id).then().statusCode(200)
                .extract().asByteArray();
        assertEquals(List.of(), DocumentChecks.pdfaFailures(bytes));
        String text = DocumentChecks.text(bytes);
        DocumentFormat nl = new DocumentFormat(DocumentLanguage.NL);
        assertTrue(text.contains("Regularisatie van de sociale bijdragen 2025"), text);
        assertTrue(text.contains(DocumentChecks.plain("beroepsinkomen van 2025 meegedeeld: " + nl.money(new BigDecimal("60000.00")))), text);
        assertTrue(text.contains("1ste kwartaal 2025") && text.contains("4de kwartaal 2025"), text);
        BigDecimal total = QuarkusTransaction.requiringNew().call(() -> ((BigDecimal) em.createNativeQuery(
                "SELECT sum(amount) FROM ledger_entry WHERE account = :n AND kind IN ('REGULARISATION', 'FEE') "
                        + "AND description LIKE 'ledger.regularisation%'").setParameter("n", niss).getSingleResult()));
        assertTrue(text.contains(DocumentChecks.plain("Supplement te betalen: " + nl.money(total))), total + " in " + text);
        String first = quarterOf(niss, "2025-Q1").structuredCommunication;
        assertEquals(List.of("BCD\n002\n1\nSCT\nGKCCBEBB\nCaisse d'assurances sociales Caisse\nBE68539007547034\nEUR"
                + total.toPlainString() + "\n\n" + first + "\n"), DocumentChecks.qrCodes(bytes));
    }

    ContributionQuarterEntity quarterOf(String niss, String quarter) {
        return QuarkusTransaction.requiringNew().call(() ->
                ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", niss, quarter).firstResult());
    }

    @Test
    void theTaxCertificateAndTheStatementComeAsPdfWhenAskedFor() {
        String niss = Nisses.of(LocalDate.of(1986, 7, 8), 47);
        member(niss, "Luc", "Renard", "fr", "EMAIL");
        ContributionQuarterEntity q = quarter(niss);
        given().contentType("text/plain").body(be.caisse.testsupport.CodaFiles.statement(702, q.structuredCommunication,
                q.legalAmount.add(q.fee))).post("/contributions/payments/statements/coda").then().statusCode(201);
        Response pdf = given().accept("application/pdf").get("/contributions/accounts/" + niss + "/tax-certificates/2026");
        assertEquals(200, pdf.statusCode(), pdf.asString());
        byte[] certificate = pdf.asByteArray();
        assertEquals(List.of(), DocumentChecks.pdfaFailures(certificate));
        String text = DocumentChecks.text(certificate);
        DocumentFormat fr = new DocumentFormat(DocumentLanguage.FR);
        assertTrue(text.contains("Attestation fiscale 2026 – cotisations sociales payées"), text);
        assertTrue(text.contains(DocumentChecks.plain("Total déductible à titre de frais professionnels "
                + fr.money(q.legalAmount.add(q.fee)))), text);
        assertTrue(text.contains("Attestation provisoire"), "2026 is not over: " + text);
        byte[] again = given().accept("application/pdf").get("/contributions/accounts/" + niss + "/tax-certificates/2026")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(certificate, again, "asked again with nothing changed: the same document");
        given().accept("application/json").get("/contributions/accounts/" + niss + "/tax-certificates/2026").then()
                .statusCode(200).contentType("application/json");

        byte[] statement = given().accept("application/pdf").queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/contributions/accounts/" + niss + "/statement").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(), DocumentChecks.pdfaFailures(statement));
        String lines = DocumentChecks.text(statement);
        assertTrue(lines.contains("Relevé de compte") && lines.contains("Période du 01/01/2026 au 31/12/2026"), lines);
        assertTrue(lines.contains(DocumentChecks.plain(fr.money(q.legalAmount))), lines);
        assertTrue(lines.contains(DocumentChecks.plain("Solde à la fin de la période 0,00 €")), lines);
        given().accept("application/pdf").queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .get("/contributions/accounts/" + niss + "/statement").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
