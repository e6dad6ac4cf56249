package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The annual company contribution called for a year. */
@Entity
@Table(name = "company_contribution")
public class CompanyContributionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "enterprise_number", nullable = false)
    public String enterpriseNumber;
    @Column(nullable = false)
    public int year;
    @Column(nullable = false)
    public String bracket;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(name = "balance_sheet_total", precision = 16, scale = 2)
    public BigDecimal balanceSheetTotal;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "structured_communication", nullable = false, unique = true)
    public String structuredCommunication;
    @Column(nullable = false)
    public String rule;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
}
