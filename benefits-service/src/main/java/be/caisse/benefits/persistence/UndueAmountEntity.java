package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An undue amount (indu / onverschuldigd bedrag) claimed back: its balance falls with each offset or repayment. */
@Entity
@Table(name = "undue_amount")
public class UndueAmountEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "revision_id", nullable = false)
    public UUID revisionId;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(nullable = false)
    public String niss;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal balance;
    @Column(nullable = false)
    public String recovery;
    @Column(name = "structured_communication", nullable = false)
    public String structuredCommunication;
    @Column(name = "established_on", nullable = false)
    public LocalDate establishedOn;
    @Column(name = "pay_by", nullable = false)
    public LocalDate payBy;
    @Column(nullable = false)
    public String status;
}
