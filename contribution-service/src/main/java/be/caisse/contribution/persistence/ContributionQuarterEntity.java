package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A quarter's provisional contribution (cotisation provisoire) and the basis it was computed from. */
@Entity
@Table(name = "contribution_quarter")
public class ContributionQuarterEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 11)
    public String niss;

    @Column(nullable = false, length = 7)
    public String quarter;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "legal_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal legalAmount;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal fee;

    @Column(name = "fee_rate", nullable = false, precision = 7, scale = 5)
    public BigDecimal feeRate;

    @Column(name = "structured_communication", nullable = false, length = 12, unique = true)
    public String structuredCommunication;

    @Column(name = "basis_category", nullable = false, length = 40)
    public String basisCategory;

    @Column(name = "basis_income", nullable = false, precision = 14, scale = 2)
    public BigDecimal basisIncome;

    @Column(name = "basis_income_source", nullable = false, length = 40)
    public String basisIncomeSource;

    /** The income as recorded (null for a minimum base), its year, and the coefficient it was revalued by. */
    @Column(name = "basis_reference_income", precision = 14, scale = 2)
    public BigDecimal basisReferenceIncome;

    @Column(name = "basis_income_year")
    public Integer basisIncomeYear;

    @Column(name = "basis_coefficient", precision = 12, scale = 8)
    public BigDecimal basisCoefficient;

    @Column(name = "basis_parameter_year", nullable = false)
    public int basisParameterYear;

    @Column(name = "basis_rule", nullable = false, length = 300)
    public String basisRule;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** When the quarter was found unpaid after its due date; null while it is not overdue. */
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    /** When the notice was cancelled because liability ended before its quarter; null while it stands. */
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    /** The definitive contribution and fee once the tax income of the year is known (régularisation). */
    @Column(name = "definitive_amount", precision = 12, scale = 2)
    public BigDecimal definitiveAmount;

    @Column(name = "definitive_fee", precision = 12, scale = 2)
    public BigDecimal definitiveFee;

    @Column(name = "regularised_at")
    public OffsetDateTime regularisedAt;

    /** How many times the notice was cancelled or issued again (a correction): each booking is made once per revision. */
    @Column(nullable = false)
    public int revision;

    public static List<ContributionQuarterEntity> ofAccount(String niss) {
        return list("niss = ?1 order by quarter", niss);
    }
}
