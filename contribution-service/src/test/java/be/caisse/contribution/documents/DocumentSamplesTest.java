package be.caisse.contribution.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.documents.DocumentSamples;
import be.caisse.testsupport.DocumentChecks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: every document type of this service renders from its sample (src/test/resources/documents/samples) in
 * fr, nl and de as PDF/A, into target/document-samples or the folder of {@code ./caisse documents samples}. A
 * template without a sample, or a sample without a value its template needs, fails.
 */
class DocumentSamplesTest {
    @Test
    void everyDocumentTypeRendersInEveryLanguageAsPdfA() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        List<DocumentSamples.Sample> samples = DocumentSamples.render(module, DocumentSamples.outputFor(module));
        assertTrue(samples.size() >= 3 && samples.size() % 3 == 0, "each type in three languages: " + samples.size());
        for (DocumentSamples.Sample s : samples) {
            String where = s.type() + " (" + s.language().code() + ")";
            assertEquals(List.of(), DocumentChecks.pdfaFailures(s.document().pdf()), where + " is PDF/A");
            assertTrue(!s.document().title().isBlank() && DocumentChecks.text(s.document().pdf())
                    .contains(DocumentChecks.plain(DocumentSamples.FUND.name(s.language()))), where + " has a title and the fund's identity");
        }
    }
}
