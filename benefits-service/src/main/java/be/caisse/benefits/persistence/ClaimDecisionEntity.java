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

/** A decision and what it was computed from (facts, amount rows, parameters as JSON; texts encoded, one per line). */
@Entity
@Table(name = "claim_decision")
public class ClaimDecisionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "claim_id")
    public UUID claimId;
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
    public String amounts;
    @Column(nullable = false)
    public String parameters;
    @Column(nullable = false)
    public String payments;
    public String exempted;
    public String refusals;
    @Column(nullable = false)
    public String motivation;
    public String mentions;
    public String court;
    @Column(name = "appeal_by")
    public LocalDate appealBy;
    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
