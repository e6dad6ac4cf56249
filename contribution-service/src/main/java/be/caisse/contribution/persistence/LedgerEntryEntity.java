package be.caisse.contribution.persistence;

import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of the member's account: + debit, − credit. Written once, never changed. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 11)
    public String account;
    @Column(length = 7)
    public String period;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerComponent component;
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "booked_on", nullable = false)
    public LocalDate bookedOn;
    @Column(name = "payment_id")
    public UUID paymentId;
    public String reference;
    @Column(nullable = false)
    public String description;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
