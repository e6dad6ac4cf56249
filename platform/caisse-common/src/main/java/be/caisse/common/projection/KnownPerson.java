package be.caisse.common.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A member's name and correspondence language as a consuming service knows them from the person events. */
@Entity
@Table(name = "known_person")
public class KnownPerson extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;
    @Column(name = "first_name", nullable = false)
    public String firstName;
    @Column(name = "last_name", nullable = false)
    public String lastName;
    @Column(nullable = false, length = 2)
    public String language;
    /** Street, number and box, as a letter's first address line. */
    @Column(name = "address_line1")
    public String addressLine1;
    /** Postal code and city. */
    @Column(name = "address_line2")
    public String addressLine2;
    public String country;
    /** EMAIL or PAPER: how the member's documents reach her (affiliation-service decides, from her choice). */
    @Column(name = "delivery_channel")
    public String deliveryChannel;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public String fullName() {
        return firstName + " " + lastName;
    }
}
