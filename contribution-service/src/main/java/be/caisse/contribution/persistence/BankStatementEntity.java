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

/** An imported bank statement (relevé bancaire); the same statement is never imported twice. */
@Entity
@Table(name = "bank_statement")
public class BankStatementEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "account_number", nullable = false)
    public String accountNumber;
    @Column(nullable = false)
    public int sequence;
    @Column(name = "statement_date", nullable = false)
    public LocalDate statementDate;
    @Column(nullable = false)
    public String format;
    @Column(name = "old_balance", nullable = false, precision = 16, scale = 2)
    public BigDecimal oldBalance;
    @Column(name = "new_balance", nullable = false, precision = 16, scale = 2)
    public BigDecimal newBalance;
    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;
    @Column(name = "imported_by", nullable = false)
    public String importedBy;
    /** Every movement of the statement, debits included (only credits become payments). */
    @jakarta.persistence.Column(nullable = false)
    public int movements;
}
