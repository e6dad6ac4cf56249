package be.caisse.affiliation.persistence;

import be.caisse.affiliation.domain.TransitionStatus;
import be.caisse.affiliation.domain.TransitionType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One transition of a person's affiliation, applied, planned ahead, cancelled or revoked: the dossier's trail. */
@Entity
@Table(name = "transition")
public class TransitionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 11)
    public String niss;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransitionType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransitionStatus status;
    /** The date given (of the event, the cessation, the request of a transfer). */
    @Column(name = "event_date", nullable = false)
    public LocalDate eventDate;
    /** When it takes effect on the periods (a change of category by the quarter rules, a transfer on 1 January). */
    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;
    /** What the transition carries, as JSON: the category and its details, the reason of a cessation. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String details;
    @Column(name = "opened_affiliation_id")
    public UUID openedAffiliationId;
    @Column(name = "closed_affiliation_id")
    public UUID closedAffiliationId;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    /** Who cancelled a planned transition, or whose correction revoked an applied one; or why a planned one failed. */
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "end_reason")
    public String endReason;
    @Version
    public long version;

    public static Optional<TransitionEntity> planned(String niss) {
        return find("niss = ?1 and status = ?2", niss, TransitionStatus.PLANNED).firstResultOptional();
    }

    /** The planned transitions whose date has come. */
    public static List<TransitionEntity> due(LocalDate today) {
        return list("status = ?1 and eventDate <= ?2 order by eventDate", TransitionStatus.PLANNED, today);
    }
}
