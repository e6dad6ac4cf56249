package be.caisse.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The events of issued documents: what was issued (never its content), and when it was sent. */
public final class DocumentEvents {
    public static final String ISSUED = "be.caisse.documents.document-issued.v1";
    public static final String DELIVERED = "be.caisse.documents.document-delivered.v1";

    private DocumentEvents() {
    }

    /** A document was issued; {@code href} is where its owner serves the bytes, through the gateway. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issued(UUID documentId, String owner, String type, String title, LocalDate documentDate,
                         OffsetDateTime issuedAt, String language, String niss, String enterpriseNumber,
                         String channel, boolean registered, UUID replaces, String href) {
    }

    /** A document left the fund: by e-mail (affiliation-service sent the link) or on paper (a print batch). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivered(UUID documentId, String owner, String channel, OffsetDateTime sentAt,
                            UUID printBatchId) {
    }
}
