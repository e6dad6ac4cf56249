package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "claim_trail")
public class ClaimTrailEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(name = "status_from")
    public String from;
    @Column(name = "status_to", nullable = false)
    public String to;
    @Column(name = "by_user", nullable = false)
    public String by;
    @Column(nullable = false)
    public OffsetDateTime at;
    public String note;
}
