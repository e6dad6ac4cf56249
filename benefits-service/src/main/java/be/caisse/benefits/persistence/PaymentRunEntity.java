package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "payment_run")
public class PaymentRunEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String reference;
    @Column(name = "execution_date", nullable = false)
    public LocalDate executionDate;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int payments;
    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal total;
    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal interest;
    @Column(nullable = false)
    public int waiting;
    @Column(name = "offset_only", nullable = false)
    public int offsetOnly;
    @Column(name = "offset_total", nullable = false, precision = 16, scale = 2)
    public BigDecimal offset;
    @Column(name = "started_by", nullable = false)
    public String startedBy;
    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    public String failure;
    @Basic(fetch = FetchType.LAZY)
    public String file;
}
