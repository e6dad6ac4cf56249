package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment received on the fund's account. */
@Entity
@Table(name = "payment")
public class PaymentEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "statement_id", nullable = false)
    public UUID statementId;
    @Column(name = "movement_sequence", nullable = false)
    public int movementSequence;
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;
    @Column(name = "structured_communication")
    public String structuredCommunication;
    @Column(name = "free_communication")
    public String freeCommunication;
    @Column(name = "counterparty_account")
    public String counterpartyAccount;
    @Column(name = "counterparty_name")
    public String counterpartyName;
    /** MATCHED or UNMATCHED. */
    @Column(nullable = false)
    public String status;
    public String niss;
    public String quarter;

    public static BigDecimal paidFor(String niss, String quarter) {
        BigDecimal paid = (BigDecimal) getEntityManager().createQuery(
                        "select coalesce(sum(p.amount), 0) from PaymentEntity p where p.niss = :n and p.quarter = :q and p.status = 'MATCHED'")
                .setParameter("n", niss).setParameter("q", quarter).getSingleResult();
        return paid.setScale(2);
    }
}
