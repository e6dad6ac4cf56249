package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A revised decision (décision de révision / herzieningsbeslissing): the corrected facts, what the revised right is
 * computed from, the decision it replaces ({@code previous}, as JSON) and the undue amount it establishes.
 */
@Entity
@Table(name = "claim_revision")
public class ClaimRevisionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(nullable = false)
    public String reference;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public String cause;
    @Column(name = "member_knew", nullable = false)
    public boolean memberKnew;
    @Column(nullable = false)
    public String recovery;
    @Column(nullable = false)
    public String details;
    @Column(nullable = false)
    public String previous;
    @Column(nullable = false)
    public String outcome;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;
    @Column(nullable = false)
    public int units;
    public String unit;
    @Column(nullable = false)
    public String facts;
    @Column(nullable = false)
    public String parameters;
    @Column(nullable = false)
    public String amounts;
    @Column(nullable = false)
    public String payments;
    public String exempted;
    public String refusals;
    @Column(nullable = false)
    public String motivation;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal overpaid;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal recoverable;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal waived;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal interest;
    @Column(name = "undue_lines", nullable = false)
    public String undueLines;
    public String mentions;
    public String court;
    @Column(name = "appeal_by")
    public LocalDate appealBy;
    @Column(name = "prepared_by", nullable = false)
    public String preparedBy;
    @Column(name = "prepared_at", nullable = false)
    public OffsetDateTime preparedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
}
