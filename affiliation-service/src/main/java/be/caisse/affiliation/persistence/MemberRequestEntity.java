package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's request (change of address, language, IBAN, category; cessation) waiting for an agent's decision. */
@Entity
@Table(name = "member_request")
public class MemberRequestEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String niss;
    @Column(nullable = false)
    public String type;
    /** The request's fields as JSON. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String payload;
    /** PENDING, APPROVED or REJECTED. */
    @Column(nullable = false)
    public String status;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    /** The user who filed it: the member, or an agent on her behalf. */
    @Column(name = "filed_by", nullable = false)
    public String filedBy;
    /** MEMBER or AGENT. */
    @Column(name = "filed_by_role", nullable = false)
    public String filedByRole;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Version
    public long version;
}
