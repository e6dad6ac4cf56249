package be.caisse.contribution.persistence;

import be.caisse.contribution.domain.IncomeSource;
import be.caisse.contribution.domain.ReferenceIncome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** A recorded professional income of one year (revenu de référence). */
@Entity
@Table(name = "reference_income")
@IdClass(ReferenceIncomeEntity.Key.class)
public class ReferenceIncomeEntity extends PanacheEntityBase {
    @Id
    public String niss;
    @Id
    public int year;
    @Id
    @Enumerated(EnumType.STRING)
    public IncomeSource source;
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public ReferenceIncome toDomain() {
        return new ReferenceIncome(year, amount, source);
    }

    public static List<ReferenceIncome> of(String niss) {
        return ReferenceIncomeEntity.<ReferenceIncomeEntity>list("niss", niss).stream().map(ReferenceIncomeEntity::toDomain).toList();
    }

    public static class Key implements Serializable {
        public String niss;
        public int year;
        public IncomeSource source;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.niss.equals(niss) && k.year == year && k.source == source;
        }

        @Override
        public int hashCode() {
            return Objects.hash(niss, year, source);
        }
    }
}
