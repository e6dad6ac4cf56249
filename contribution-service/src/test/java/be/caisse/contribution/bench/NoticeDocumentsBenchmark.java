package be.caisse.contribution.bench;

import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.NoticeDocumentJob;
import be.caisse.contribution.application.QuarterlyRunService;
import be.caisse.testsupport.Bench;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark of the payment notices of a quarterly run as documents: the run of 2026-Q1 for n members (default
 * 10,000, languages fr/nl/de in turn), then every notice rendered to PDF/A, archived with its hash and announced by
 * its document-issued event. Prints documents per second on the machine's cores and, as the yardstick, the rate of
 * PDFBox alone writing a one-page PDF of the same length of text (no layout, no embedded font, no archive) on as
 * many threads in the same run. Not a test: {@code ./caisse bench documents [n]}.
 */
@QuarkusTest
@Tag("benchmark")
class NoticeDocumentsBenchmark {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuarterlyRunService runs;

    @Inject
    NoticeDocumentJob documents;

    @Test
    void noticesOfAQuarterlyRun() throws Exception {
        int n = Integer.getInteger("caisse.bench.documents", 10_000);
        int threads = Runtime.getRuntime().availableProcessors();
        QuarterlyRunBenchmark.seed(dataSource, n);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO known_person (niss, first_name, last_name, language, address_line1, address_line2, country, "
                    + "delivery_channel, updated_at) SELECT niss, 'Prénom', 'Nom ' || niss, "
                    + "(ARRAY['fr','nl','de'])[1 + (row_number() OVER (ORDER BY niss))::int % 3], 'Rue de la Station 12', "
                    + "'5000 Namur', 'BE', CASE WHEN random() < 0.6 THEN 'EMAIL' ELSE 'PAPER' END, now() FROM contribution_account");
        }
        long runStart = System.nanoTime();
        runs.runNow(Quarter.parse("2026-Q1"), "benchmark");
        double runSeconds = Bench.seconds(runStart);

        // warmed up, then long enough (several seconds) that its rate does not swing with the machine's mood
        plainPdfs(1_000, threads);
        long yardStart = System.nanoTime();
        int yardstick = 8_000;
        plainPdfs(yardstick, threads);
        double yardSeconds = Bench.seconds(yardStart);

        long start = System.nanoTime();
        int issued = documents.issuePending();
        double seconds = Bench.seconds(start);
        long bytes;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(size_bytes) FROM issued_document WHERE type = 'payment-notice'")) {
            rs.next();
            bytes = rs.getLong(2);
            Bench.print("documents archived           %,d (%,d KB on average)", rs.getLong(1), bytes / Math.max(1, rs.getLong(1)) / 1024);
        }
        Bench.print("members                      %,d, call run %.1f s", n, runSeconds);
        Bench.print("notices rendered + archived  %,d in %.1f s = %,.0f documents/s on %d cores", issued, seconds, issued / seconds, threads);
        Bench.print("yardstick: PDFBox plain page %,d in %.1f s = %,.0f PDFs/s on %d threads", yardstick, yardSeconds, yardstick / yardSeconds, threads);
        Bench.print("ratio                        %.1f× the yardstick's time per document", (seconds / issued) / (yardSeconds / yardstick));
        Bench.print("150,000 members would take   %.1f min (goal: under 30 min, i.e. >= 100 documents/s)", 150_000 / (issued / seconds) / 60);
        Bench.print("peak RSS of the service JVM  %s", Bench.peakRss());
    }

    /** One page of as much text as a notice, written by PDFBox with a standard font: no layout, no embedding. */
    private static void plainPdfs(int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int k = i;
                done.add(pool.submit(() -> {
                    try (PDDocument doc = new PDDocument()) {
                        PDPage page = new PDPage();
                        doc.addPage(page);
                        try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                            text.beginText();
                            text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                            text.newLineAtOffset(50, 750);
                            for (int line = 0; line < 60; line++) {
                                text.showText("Avis d'echeance " + k + " ligne " + line + " : cotisation sociale provisoire 890,42 EUR");
                                text.newLineAtOffset(0, -11);
                            }
                            text.endText();
                        }
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        doc.save(out);
                        return out.size();
                    }
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
