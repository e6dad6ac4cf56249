package be.caisse.documents;

import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.documents.archive.IssuedDocument;
import be.caisse.documents.archive.PrintBatch;
import be.caisse.documents.archive.PrintBatchFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What each service's document addresses answer: the PDF of an issued document (to its member and to staff; a
 * company's documents to staff), a print batch and its files. The JAX-RS resources of the services are thin
 * wrappers, as each serves under its own path.
 */
@ApplicationScoped
public class DocumentDownloads {
    public static final String PDF = "application/pdf";

    @Inject
    DocumentArchive archive;

    @Inject
    DossierAccess access;

    @Inject
    PrintBatches batches;

    /** What a print batch holds, and where its files are. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PrintBatch")
    public record BatchView(UUID id, LocalDate batchDate, OffsetDateTime createdAt, String createdBy, int letters,
                            int registered, List<FileView> files) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PrintBatchFile")
    public record FileView(String kind, String mediaType, String sha256, String href) {
    }

    /** A document or batch id from the path: anything but a UUID names nothing (404, whatever the Accept header). */
    public static UUID id(String raw) {
        try {
            return raw != null && raw.length() == 36 ? UUID.fromString(raw) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional
    public Response pdf(UUID id) {
        if (id == null) {
            throw DomainProblem.notFound("document");
        }
        IssuedDocument doc = IssuedDocument.findById(id);
        if (doc == null) {
            throw DomainProblem.notFound("document");
        }
        if (doc.niss != null) {
            access.checkCanRead(doc.niss, "document " + doc.type);
        } else if (!access.isStaff()) {
            throw new DomainProblem(403, "forbidden-dossier");
        }
        byte[] bytes = archive.content(doc);
        return Response.ok(bytes, PDF)
                .header("Content-Disposition", "inline; filename=\"" + doc.type + "-" + doc.documentDate + "-"
                        + doc.id.toString().substring(0, 8) + ".pdf\"")
                .header("ETag", "\"" + doc.sha256 + "\"")
                .header("Cache-Control", "private, max-age=86400, immutable")
                .header("X-Document-Sha256", doc.sha256)
                .build();
    }

    public BatchView runBatch() {
        return view(batches.run(access.user()));
    }

    @Transactional
    public BatchView batch(UUID id) {
        PrintBatch batch = id == null ? null : PrintBatch.findById(id);
        if (batch == null) {
            throw DomainProblem.notFound("print-batch");
        }
        return view(batch);
    }

    @Transactional
    public Response batchFile(UUID id, String kind) {
        PrintBatchFile file = id == null || !List.of(PrintBatches.LETTERS, PrintBatches.REGISTERED, PrintBatches.POST_LIST)
                .contains(kind) ? null : PrintBatchFile.find("batchId = ?1 and kind = ?2", id, kind).firstResult();
        if (file == null) {
            throw DomainProblem.notFound("print-batch-file");
        }
        boolean csv = PrintBatches.POST_LIST.equals(kind);
        return Response.ok(file.content, csv ? "text/csv; charset=UTF-8" : PDF)
                .header("Content-Disposition", "attachment; filename=\"print-" + id.toString().substring(0, 8) + "-"
                        + kind.toLowerCase(java.util.Locale.ROOT) + (csv ? ".csv" : ".pdf") + "\"")
                .header("X-Document-Sha256", file.sha256)
                .build();
    }

    @Transactional
    BatchView view(PrintBatch batch) {
        List<FileView> files = new ArrayList<>();
        List<PrintBatchFile> stored = PrintBatchFile.list("batchId", batch.id);
        for (String kind : List.of(PrintBatches.LETTERS, PrintBatches.REGISTERED, PrintBatches.POST_LIST)) {
            stored.stream().filter(f -> f.kind.equals(kind)).findFirst().ifPresent(f -> files.add(new FileView(kind,
                    PrintBatches.POST_LIST.equals(kind) ? "text/csv" : PDF, f.sha256,
                    "/api/" + archive.owner() + "/print-batches/" + batch.id + "/files/" + kind)));
        }
        return new BatchView(batch.id, batch.batchDate, batch.createdAt, batch.createdBy, batch.letters,
                batch.registered, files);
    }
}
