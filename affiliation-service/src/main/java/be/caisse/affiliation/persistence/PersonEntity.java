package be.caisse.affiliation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A natural person known to the fund, keyed by NISS. */
@Entity
@Table(name = "person")
public class PersonEntity extends PanacheEntityBase {
    @Id
    @Column(length = 11)
    public String niss;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String sex;

    @Column(nullable = false, length = 2)
    public String language = "fr";

    public String email;
    public String phone;
    public String iban;
    public String street;
    @Column(name = "house_number")
    public String houseNumber;
    public String box;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    public String country;
    public Integer dependants;
    @Column(name = "partner_niss")
    public String partnerNiss;
    /** EMAIL or PAPER as the member (or an agent) chose; null: e-mail once an address is known. */
    @Column(name = "delivery_channel")
    public String deliveryChannel;

    /** First and last name as search compares them (lower case, no accents), in both orders. */
    @Column(name = "search_name")
    public String searchName;
    @Column(name = "search_name_reversed")
    public String searchNameReversed;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Keeps the search columns in step with the names. */
    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void searchable() {
        searchName = be.caisse.affiliation.domain.Names.searchable(firstName + " " + lastName);
        searchNameReversed = be.caisse.affiliation.domain.Names.searchable(lastName + " " + firstName);
    }
}
