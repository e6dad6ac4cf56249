package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A life event that can open rights, recorded so that the rights can be proposed without being asked for. */
@Entity
@Table(name = "life_event")
public class LifeEventEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String niss;
    @Column(nullable = false)
    public String type;
    @Column(name = "event_date", nullable = false)
    public LocalDate eventDate;
    @Column(name = "related_niss")
    public String relatedNiss;
    @Column(nullable = false)
    public String source;
    public String note;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
