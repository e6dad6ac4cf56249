package be.caisse.benefits.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "information_request")
public class InformationRequestEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "claim_id", nullable = false)
    public UUID claimId;
    @Column(nullable = false)
    public String question;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_on", nullable = false)
    public LocalDate requestedOn;
    @Column(name = "answered_on")
    public LocalDate answeredOn;
    public String answer;
    @Column(name = "reminded_on")
    public LocalDate remindedOn;
}
