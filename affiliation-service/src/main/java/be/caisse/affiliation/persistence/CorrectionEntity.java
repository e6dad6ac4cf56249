package be.caisse.affiliation.persistence;

import be.caisse.affiliation.domain.CorrectionAction;
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
import java.util.UUID;

/** A correction of a transition: asked by an agent with a reason, approved by a supervisor when it reaches a billed quarter. */
@Entity
@Table(name = "correction")
public class CorrectionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, length = 11)
    public String niss;
    @Column(name = "transition_id", nullable = false)
    public UUID transitionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CorrectionAction action;
    @Column(name = "new_date")
    public LocalDate newDate;
    /** The new category and its details, as JSON. */
    @Column(name = "new_details", columnDefinition = "TEXT")
    public String newDetails;
    @Column(nullable = false)
    public String reason;
    /** The periods before and after, as JSON. */
    @Column(name = "before_state", nullable = false, columnDefinition = "TEXT")
    public String beforeState;
    @Column(name = "after_state", columnDefinition = "TEXT")
    public String afterState;
    @Column(name = "reaches_billed", nullable = false)
    public boolean reachesBilled;
    /** PENDING_APPROVAL, APPLIED or REJECTED. */
    @Column(nullable = false)
    public String status;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Version
    public long version;
}
