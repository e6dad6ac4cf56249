package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An affiliation as benefits-service knows it from the affiliation events. */
@Entity
@Table(name = "benefit_member")
public class MemberEntity extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;

    @Column(name = "affiliation_id", nullable = false)
    public UUID affiliationId;

    @Column(nullable = false, length = 40)
    public String category;

    @Column(name = "liable_from", nullable = false)
    public LocalDate liableFrom;

    @Column(name = "last_event_type", nullable = false, length = 200)
    public String lastEventType;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
