package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A person directs a company (mandataire de société) from a date, until another. */
@Entity
@Table(name = "mandate")
public class MandateEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "enterprise_number", nullable = false)
    public String enterpriseNumber;
    @Column(nullable = false)
    public String niss;
    @Column(nullable = false)
    public String role;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
}
