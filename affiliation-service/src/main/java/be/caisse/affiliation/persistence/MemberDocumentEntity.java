package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One document a service issued for a person or a company, as its {@code document-issued} event told it: the
 * member's list of documents across the services. The bytes stay with the owner, at {@link #href}.
 */
@Entity
@Table(name = "member_document")
public class MemberDocumentEntity extends PanacheEntityBase {
    public static final String MAIL_PENDING = "PENDING";
    public static final String MAIL_SENT = "SENT";
    public static final String MAIL_NONE = "NONE";
    public static final String MAIL_NO_ADDRESS = "NO_ADDRESS";

    @Id
    @Column(name = "document_id")
    public UUID documentId;
    public String owner;
    public String type;
    public String title;
    @Column(name = "document_date")
    public LocalDate documentDate;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    public String language;
    public String niss;
    @Column(name = "enterprise_number")
    public String enterpriseNumber;
    public String channel;
    public boolean registered;
    public UUID replaces;
    @Column(name = "replaced_by")
    public UUID replacedBy;
    public String href;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "mail_status")
    public String mailStatus;
    @Column(name = "mail_attempts")
    public int mailAttempts;
    @Column(name = "mail_error")
    public String mailError;
}
