package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A company affiliated to the fund (it owes the annual company contribution). */
@Entity
@Table(name = "company")
public class CompanyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "enterprise_number", length = 10)
    public String enterpriseNumber;
    @Column(nullable = false)
    public String name;
    @Column(name = "legal_form", nullable = false)
    public String legalForm;
    @Column(name = "incorporation_date", nullable = false)
    public LocalDate incorporationDate;
    @Column(name = "affiliation_date", nullable = false)
    public LocalDate affiliationDate;
    @Column(name = "late_affiliation", nullable = false)
    public boolean lateAffiliation;
    /** ACTIVE or CEASED. */
    @Column(nullable = false)
    public String status;
    @Column(name = "cessation_date")
    public LocalDate cessationDate;
    /** LIQUIDATION or BANKRUPTCY. */
    @Column(name = "cessation_reason")
    public String cessationReason;
    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;
    @Column(name = "registered_by", nullable = false)
    public String registeredBy;
    @Version
    public long version;
}
