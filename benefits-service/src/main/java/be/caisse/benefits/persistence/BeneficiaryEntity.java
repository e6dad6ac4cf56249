package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

@Entity
@Table(name = "beneficiary")
public class BeneficiaryEntity extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String sex;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
