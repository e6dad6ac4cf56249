package be.caisse.documents.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A document as issued: what it is, to whom, from which template and inputs, its hash, and how it was sent. */
@Entity
@Table(name = "issued_document")
public class IssuedDocument extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String owner;
    @Column(nullable = false)
    public String type;
    @Column(name = "business_key", nullable = false)
    public String businessKey;
    public String niss;
    @Column(name = "enterprise_number")
    public String enterpriseNumber;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String language;
    @Column(name = "document_date", nullable = false)
    public LocalDate documentDate;
    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;
    @Column(nullable = false)
    public String template;
    @Column(name = "template_version", nullable = false)
    public String templateVersion;
    @Column(nullable = false, columnDefinition = "TEXT")
    public String inputs;
    @Column(nullable = false, columnDefinition = "bpchar")
    public String sha256;
    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;
    public UUID replaces;
    @Column(name = "replaced_by")
    public UUID replacedBy;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public boolean registered;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "print_batch_id")
    public UUID printBatchId;
}
