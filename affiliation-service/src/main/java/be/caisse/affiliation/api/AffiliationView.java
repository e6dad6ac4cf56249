package be.caisse.affiliation.api;

import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One affiliation period as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AffiliationView(UUID id, String niss, String firstName, String lastName, String category,
                              String complementaryReason, String helpingSpouseStatus, String helpedPartnerNiss,
                              String studentInstitution, Integer studentCredits, Boolean pensionOptOut,
                              LocalDate startDate, LocalDate liableFrom, LocalDate endDate, LocalDate liableUntil,
                              String status, String openedBy, String endedBy, String cessationReason,
                              boolean lateRegistration, OffsetDateTime registeredAt) {

    static AffiliationView of(AffiliationEntity a, PersonEntity p) {
        return new AffiliationView(a.id, a.niss, p.firstName, p.lastName, a.category.name(), name(a.complementaryReason),
                name(a.helpingSpouseStatus), a.helpedPartnerNiss, a.studentInstitution, a.studentCredits,
                a.pensionOptOut ? Boolean.TRUE : null, a.startDate, a.liableFrom, a.endDate, a.liableUntil,
                a.status.name(), a.openedByEvent, a.endEvent, name(a.cessationReason), a.lateRegistration, a.registeredAt);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
