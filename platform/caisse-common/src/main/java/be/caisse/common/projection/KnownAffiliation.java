package be.caisse.common.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's affiliation as a consuming service knows it from the affiliation events. */
@Entity
@Table(name = "known_affiliation")
public class KnownAffiliation extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;
    @Column(name = "affiliation_id", nullable = false)
    public UUID affiliationId;
    @Column(nullable = false, length = 40)
    public String category;
    @Column(name = "liable_from", nullable = false)
    public LocalDate liableFrom;
    /** ACTIVE, INTERRUPTED or CEASED. */
    @Column(nullable = false, length = 20)
    public String status;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "liable_until")
    public LocalDate liableUntil;
    @Column(name = "cessation_reason")
    public String cessationReason;
    @Column(name = "last_event_type", nullable = false)
    public String lastEventType;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The known affiliation of this NISS, or a 404 problem saying which service does not know it (yet). */
    public static KnownAffiliation require(String niss, String service) {
        KnownAffiliation known = findById(niss);
        if (known == null) {
            throw be.caisse.common.problem.DomainProblem.notFound("known-affiliation", service);
        }
        return known;
    }
}
