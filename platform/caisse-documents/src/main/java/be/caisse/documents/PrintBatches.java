package be.caisse.documents;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.projection.KnownPerson;
import be.caisse.documents.archive.IssuedDocument;
import be.caisse.documents.archive.IssuedDocumentContent;
import be.caisse.documents.archive.PrintBatch;
import be.caisse.documents.archive.PrintBatchFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily print batch: every document to send on paper that no batch took yet, oldest first, as one PDF to print,
 * the registered letters (recommandés) in a PDF of their own with the list the post office stamps. Each document
 * taken records the date it was sent and publishes {@code document-delivered}.
 */
@ApplicationScoped
public class PrintBatches {
    public static final String LETTERS = "LETTERS";
    public static final String REGISTERED = "REGISTERED";
    public static final String POST_LIST = "POST_LIST";

    @Inject
    DocumentArchive archive;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    /** A batch stays printable in one go: a quarterly run's paper notices are printed over several batches. */
    @ConfigProperty(name = "caisse.documents.print-batch.max-letters", defaultValue = "2000")
    int maxLetters;

    public int maxLetters() {
        return maxLetters;
    }

    @Transactional
    public PrintBatch run(String by) {
        List<IssuedDocument> due = IssuedDocument.find(
                "channel = 'PAPER' and sentAt is null and replacedBy is null order by issuedAt, id")
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: a batch running elsewhere keeps its own
                .page(0, maxLetters).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        PrintBatch batch = new PrintBatch();
        batch.id = be.caisse.common.identifiers.Uuids.timeOrdered();
        batch.batchDate = LocalDate.now(clock);
        batch.createdAt = now;
        batch.createdBy = by;
        List<IssuedDocument> letters = new ArrayList<>();
        List<IssuedDocument> registered = new ArrayList<>();
        for (IssuedDocument d : due) {
            (d.registered ? registered : letters).add(d);
        }
        batch.letters = letters.size();
        batch.registered = registered.size();
        batch.persist();
        if (!letters.isEmpty()) {
            file(batch, LETTERS, merge(letters));
        }
        if (!registered.isEmpty()) {
            file(batch, REGISTERED, merge(registered));
            file(batch, POST_LIST, postList(batch, registered));
        }
        for (IssuedDocument d : due) {
            archive.markSent(d.id, now, batch.id);
            events.publish(archive.topic(), DocumentEvents.DELIVERED, d.niss != null ? d.niss : d.enterpriseNumber,
                    d.id.toString(), new DocumentEvents.Delivered(d.id, d.owner, "PAPER", now, batch.id));
        }
        return batch;
    }

    private static void file(PrintBatch batch, String kind, byte[] content) {
        PrintBatchFile f = new PrintBatchFile();
        f.batchId = batch.id;
        f.kind = kind;
        f.content = content;
        f.sha256 = DocumentRenderer.sha256(content);
        f.persist();
    }

    private byte[] merge(List<IssuedDocument> docs) {
        PDFMergerUtility merger = new PDFMergerUtility();
        try (PDDocument out = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            for (IssuedDocument d : docs) {
                try (PDDocument one = Loader.loadPDF(archive.content(d))) {
                    merger.appendDocument(out, one);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The post office's list of registered letters: one line each, in the order of the registered PDF. */
    private static byte[] postList(PrintBatch batch, List<IssuedDocument> registered) {
        StringBuilder csv = new StringBuilder("sequence;document;recipient;address_line1;address_line2;country\r\n");
        int n = 0;
        for (IssuedDocument d : registered) {
            KnownPerson p = d.niss == null ? null : KnownPerson.findById(d.niss);
            csv.append(++n).append(';').append(d.id).append(';')
                    .append(p == null ? cell(d.enterpriseNumber) : cell(p.fullName())).append(';')
                    .append(p == null ? "" : cell(p.addressLine1)).append(';')
                    .append(p == null ? "" : cell(p.addressLine2)).append(';')
                    .append(p == null || p.country == null ? "BE" : p.country).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        return value == null ? "" : value.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
    }
}
