package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A benefit claim (demande / aanvraag), proposed by the fund or filed; {@code details} holds the typed input as JSON. */
@Entity
@Table(name = "claim")
public class ClaimEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String reference;
    @Column(nullable = false, length = 11)
    public String niss;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String origin;
    @Column(name = "fact_date", nullable = false)
    public LocalDate factDate;
    @Column(name = "source_event")
    public String sourceEvent;
    @Column(name = "filed_on")
    public LocalDate filedOn;
    @Column(name = "clock_start")
    public LocalDate clockStart;
    @Column(name = "days_suspended", nullable = false)
    public int daysSuspended;
    @Column(nullable = false)
    public String details;
    public String missing;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "prepared_by")
    public String preparedBy;
    @Column(name = "prepared_at")
    public OffsetDateTime preparedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    @Version
    public int version;
}
