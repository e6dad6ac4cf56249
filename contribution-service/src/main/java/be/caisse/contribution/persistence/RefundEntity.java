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

/** A refund ordered to the member (ORDERED until the payment run pays it). */
@Entity
@Table(name = "refund")
public class RefundEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String account;
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    public String iban;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public String status;
    @Column(name = "ordered_on", nullable = false)
    public LocalDate orderedOn;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
