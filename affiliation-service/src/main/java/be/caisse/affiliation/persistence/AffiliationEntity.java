package be.caisse.affiliation.persistence;

import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "affiliation")
public class AffiliationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String niss;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "liable_from", nullable = false)
    public LocalDate liableFrom;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliationStatus status;

    @Column(name = "late_registration", nullable = false)
    public boolean lateRegistration;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Version
    public long version;

    public static Optional<AffiliationEntity> findActive(String niss) {
        return find("niss = ?1 and status = ?2", niss, AffiliationStatus.ACTIVE).firstResultOptional();
    }

    public static List<AffiliationEntity> history(String niss) {
        return list("niss = ?1 order by startDate desc", niss);
    }
}
