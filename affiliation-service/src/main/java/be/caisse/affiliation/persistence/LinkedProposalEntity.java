package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a cessation touches, proposed to an agent rather than done behind her back: the helping spouse of a
 * self-employed person who stops, whose affiliation and helper link end with the activity she helped.
 */
@Entity
@Table(name = "linked_proposal")
public class LinkedProposalEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The person whose cessation it comes from. */
    @Column(nullable = false, length = 11)
    public String niss;
    @Column(name = "transition_id", nullable = false)
    public UUID transitionId;
    /** END_HELPER: the helper's link and affiliation end with the helped activity. */
    @Column(nullable = false)
    public String kind;
    /** The person the proposal is about (the helping spouse). */
    @Column(name = "subject_niss", nullable = false, length = 11)
    public String subjectNiss;
    @Column(name = "link_id")
    public UUID linkId;
    @Column(name = "proposed_date", nullable = false)
    public LocalDate proposedDate;
    /** PENDING, CONFIRMED or REJECTED. */
    @Column(nullable = false)
    public String status;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Version
    public long version;
}
