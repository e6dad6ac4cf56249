package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

@Entity
@Table(name = "benefit_amount")
@IdClass(BenefitAmountEntity.Key.class)
public class BenefitAmountEntity extends PanacheEntityBase {
    @Id
    public String kind;
    @Id
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String source;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public static class Key implements Serializable {
        public String kind;
        public LocalDate validFrom;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(validFrom, k.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, validFrom);
        }
    }
}
