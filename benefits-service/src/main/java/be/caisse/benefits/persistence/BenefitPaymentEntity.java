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

/** A payment a decision granted: SCHEDULED, then IN_RUN (in a credit-transfer file), EXECUTED or RETURNED;
 * OFFSET when all of it settled an undue amount, CANCELLED when a revised decision replaced it. */
@Entity
@Table(name = "benefit_payment")
public class BenefitPaymentEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(nullable = false, length = 11)
    public String niss;
    @Column(nullable = false)
    public String period;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal interest;
    @Column(name = "offset_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal offsetAmount = BigDecimal.ZERO.setScale(2);
    @Column(nullable = false)
    public String status;
    public String iban;
    public String name;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "end_to_end_id")
    public String endToEndId;
    @Column(name = "executed_on")
    public LocalDate executedOn;
    @Column(name = "returned_on")
    public LocalDate returnedOn;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "reopened_from")
    public UUID reopenedFrom;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
