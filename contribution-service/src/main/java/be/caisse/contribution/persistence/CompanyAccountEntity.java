package be.caisse.contribution.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A company affiliated to the fund, as affiliation-service published it. */
@Entity
@Table(name = "company_account")
public class CompanyAccountEntity extends PanacheEntityBase {
    @Id
    @Column(name = "enterprise_number", length = 10)
    public String enterpriseNumber;
    @Column(nullable = false)
    public String name;
    @Column(name = "incorporation_date", nullable = false)
    public LocalDate incorporationDate;
    @Column(name = "affiliation_date", nullable = false)
    public LocalDate affiliationDate;
    @Column(name = "ceased_on")
    public LocalDate ceasedOn;
    @Column(name = "cease_reason")
    public String ceaseReason;
}
