package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One read of a person's data (written by {@code AccessTrailConsumer} only; the table refuses changes). */
@Entity
@Table(name = "access_trail")
@org.hibernate.annotations.Immutable
public class AccessTrailEntity extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    public String niss;
    public String data;
    public String actor;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "accessed_at")
    public OffsetDateTime accessedAt;
    public String service;
    public String route;
    public String purpose;
    @Column(name = "request_id")
    public String requestId;
}
