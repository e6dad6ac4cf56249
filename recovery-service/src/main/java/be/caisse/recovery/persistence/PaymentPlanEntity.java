package be.caisse.recovery.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment plan (plan d'apurement / afbetalingsplan) of a case; its instalments are rows of plan_instalment. */
@Entity
@Table(name = "payment_plan")
public class PaymentPlanEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(nullable = false)
    public int months;
    @Column(name = "first_due_on", nullable = false)
    public LocalDate firstDueOn;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String approver;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "late_since")
    public LocalDate lateSince;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    public String note;
}
