package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's request about their contributions and what became of it. */
@Entity
@Table(name = "contribution_request")
public class ContributionRequestEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String niss;
    /** ESTIMATE or EXEMPTION. */
    @Column(nullable = false)
    public String type;
    public Integer year;
    @Column(name = "estimated_income", precision = 14, scale = 2)
    public BigDecimal estimatedIncome;
    /** Comma-separated quarters of an exemption request. */
    public String quarters;
    public String motivation;
    /** APPLIED, PENDING, APPROVED, REJECTED (estimates); PENDING_INASTI, GRANTED, REFUSED (exemptions). */
    @Column(nullable = false)
    public String status;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    /** MEMBER (the member herself) or AGENT (on her behalf). */
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
