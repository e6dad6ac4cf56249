package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of one field of a person's data, with who made it and when. */
@Entity
@Table(name = "person_change")
public class PersonChangeEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String niss;
    @Column(nullable = false)
    public String field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
    /** AGENT or MEMBER_REQUEST. */
    @Column(nullable = false)
    public String origin;
}
