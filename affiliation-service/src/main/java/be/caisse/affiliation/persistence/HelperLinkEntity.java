package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A helper (aidant or helping spouse) helps a self-employed person, who is jointly liable for the helper. */
@Entity
@Table(name = "helper_link")
public class HelperLinkEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "helper_niss", nullable = false)
    public String helperNiss;
    @Column(name = "helped_niss", nullable = false)
    public String helpedNiss;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
}
