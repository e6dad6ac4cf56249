package be.caisse.contribution.persistence;

import be.caisse.contribution.domain.ContributorCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The contributor's account (compte cotisant), opened when the affiliation event arrives. */
@Entity
@Table(name = "contribution_account")
public class ContributionAccountEntity extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;

    @Column(name = "affiliation_id", nullable = false)
    public UUID affiliationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContributorCategory category;

    @Column(name = "liable_from", nullable = false)
    public LocalDate liableFrom;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    /** Registered after the start: no extra quarter for the starter's first two quarters. */
    @Column(name = "late_registration", nullable = false)
    public boolean lateRegistration;
}
