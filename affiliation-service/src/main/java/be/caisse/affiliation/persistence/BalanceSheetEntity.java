package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A company's balance-sheet total for a financial year: it decides the company-contribution bracket. */
@Entity
@Table(name = "balance_sheet")
@IdClass(BalanceSheetEntity.Key.class)
public class BalanceSheetEntity extends PanacheEntityBase {
    @Id
    @Column(name = "enterprise_number")
    public String enterpriseNumber;
    @Id
    @Column(name = "financial_year")
    public int financialYear;
    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal total;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static class Key implements Serializable {
        public String enterpriseNumber;
        public int financialYear;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.enterpriseNumber.equals(enterpriseNumber) && k.financialYear == financialYear;
        }

        @Override
        public int hashCode() {
            return enterpriseNumber.hashCode() * 31 + financialYear;
        }
    }
}
