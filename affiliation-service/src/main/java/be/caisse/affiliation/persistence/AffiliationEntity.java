package be.caisse.affiliation.persistence;

import be.caisse.affiliation.domain.AffiliationPeriod;
import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.domain.ComplementaryReason;
import be.caisse.affiliation.domain.HelpingSpouseStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One period of affiliation of a person in one category (the history is the list of these rows). */
@Entity
@Table(name = "affiliation")
public class AffiliationEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, length = 11)
    public String niss;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "complementary_reason")
    public ComplementaryReason complementaryReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "helping_spouse_status")
    public HelpingSpouseStatus helpingSpouseStatus;

    @Column(name = "helped_partner_niss")
    public String helpedPartnerNiss;

    @Column(name = "student_institution")
    public String studentInstitution;

    @Column(name = "student_credits")
    public Integer studentCredits;

    @Column(name = "pension_opt_out", nullable = false)
    public boolean pensionOptOut;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "liable_from", nullable = false)
    public LocalDate liableFrom;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "liable_until")
    public LocalDate liableUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AffiliationStatus status;

    /** REGISTRATION, CATEGORY_CHANGE or RESUMPTION. */
    @Column(name = "opened_by_event", nullable = false)
    public String openedByEvent;

    /** CATEGORY_CHANGE, INTERRUPTION, CESSATION or TRANSFER. */
    @Column(name = "end_event")
    public String endEvent;

    @Enumerated(EnumType.STRING)
    @Column(name = "cessation_reason")
    public CessationReason cessationReason;

    @Column(name = "late_registration", nullable = false)
    public boolean lateRegistration;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Version
    public long version;

    public CategoryDetails details() {
        return new CategoryDetails(category, complementaryReason, helpingSpouseStatus, helpedPartnerNiss,
                studentInstitution, studentCredits, pensionOptOut);
    }

    public void apply(CategoryDetails d) {
        category = d.category();
        complementaryReason = d.complementaryReason();
        helpingSpouseStatus = d.category() == Category.HELPING_SPOUSE
                ? (d.helpingSpouseStatus() == null ? HelpingSpouseStatus.MAXI : d.helpingSpouseStatus()) : null;
        helpedPartnerNiss = d.helpedPartnerNiss();
        studentInstitution = d.studentInstitution();
        studentCredits = d.studentCredits();
        pensionOptOut = d.pensionOptOut();
    }

    public AffiliationPeriod period() {
        return new AffiliationPeriod(startDate, endDate);
    }

    public static Optional<AffiliationEntity> findActive(String niss) {
        return find("niss = ?1 and status = ?2", niss, AffiliationStatus.ACTIVE).firstResultOptional();
    }

    /** Newest first; periods cancelled by a correction are not periods any more. */
    public static List<AffiliationEntity> history(String niss) {
        return list("niss = ?1 and status <> ?2 order by startDate desc", niss, AffiliationStatus.CANCELLED);
    }
}
