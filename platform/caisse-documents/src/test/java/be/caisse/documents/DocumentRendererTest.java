package be.caisse.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.testsupport.DocumentChecks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {
    static final FundIdentity FUND = TestFund.identity();
    final DocumentRenderer renderer = new DocumentRenderer(FUND);

    Map<String, Object> data(String name) {
        DocumentFormat f = new DocumentFormat(DocumentLanguage.FR);
        String payload = EpcQrCode.payload(FUND.bic(), FUND.name(DocumentLanguage.FR), FUND.iban(),
                new BigDecimal("926.48"), "+++126/0000/01234+++");
        return Map.of("quarter", "T1 2026", "name", name, "street", "Rue de la Loi 16",
                "amount", f.money(new BigDecimal("926.48")), "due", f.date(LocalDate.of(2026, 3, 31)),
                "communication", "+++126/0000/01234+++", "qr", payload);
    }

    @Test
    void rendersPdfA2uWithTheTextTheQrCodeAndTheFundsIdentity() {
        RenderedDocument doc = renderer.render("test-notice", DocumentLanguage.FR, data("Léa Peeters"));
        assertEquals(List.of(), DocumentChecks.pdfaFailures(doc.pdf()));
        assertEquals("2u", DocumentChecks.pdfaFlavour(doc.pdf()));
        String text = DocumentChecks.text(doc.pdf());
        assertTrue(text.contains("Montant à payer : 926,48 € pour le 31 mars 2026."), text);
        assertTrue(text.contains("+++126/0000/01234+++"), text);
        assertTrue(text.contains("BCE 0999.999.999"), text);
        assertTrue(text.contains("IBAN BE68 5390 0754 7034"), text);
        assertEquals(List.of("BCD\n002\n1\nSCT\nGKCCBEBB\nCaisse d'assurances sociales de test\nBE68539007547034\n"
                + "EUR926.48\n\n126000001234\n"), DocumentChecks.qrCodes(doc.pdf()));
        assertEquals("Avis d'échéance T1 2026", doc.title());
        assertEquals(DocumentRenderer.sha256(doc.pdf()), doc.sha256());
        assertEquals("test-notice.fr.html", doc.template());
        assertEquals(16, doc.templateVersion().length());
    }

    /**
     * Most letters are set in the everyday cut of the font (Latin, Greek, Cyrillic); a name in another script the
     * font has is set in the full font, and either way every letter is in the PDF, readable and PDF/A.
     */
    @Test
    void everyNameIsPrintedWhateverItsScript() {
        for (String name : List.of("Łukasz Wróblewski-Ñúñez", "Αλεξάνδρα Παπαδοπούλου", "Горбачёва Ирина",
                "Nguyễn Thị Ánh", "Արամ Խաչատրյան", "ნინო ბერიძე")) {
            RenderedDocument doc = renderer.render("test-notice", DocumentLanguage.FR, data(name));
            assertEquals(List.of(), DocumentChecks.pdfaFailures(doc.pdf()), name);
            String text = DocumentChecks.text(doc.pdf());
            assertTrue(text.contains(name), name + " in " + text);
        }
        assertTrue(PdfRenderer.everyday("Léa Горбачёва Αλεξάνδρα Nguyễn €"));
        assertTrue(!PdfRenderer.everyday("Արամ") && !PdfRenderer.everyday("ნინო"), "Armenian and Georgian: the full font");
    }

    @Test
    void escapesWhatTheMemberTypedAndRefusesAMissingValue() {
        String html = renderer.html("test-notice", DocumentLanguage.FR, data("<b>Eve</b> & Co"));
        assertTrue(html.contains("&lt;b&gt;Eve&lt;/b&gt; &amp; Co"), html);
        Map<String, Object> partial = new java.util.HashMap<>(data("x"));
        partial.remove("amount");
        assertThrows(RuntimeException.class, () -> renderer.html("test-notice", DocumentLanguage.FR, partial));
    }
}
