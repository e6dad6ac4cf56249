package be.caisse.affiliation.api;

import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An affiliation as the API shows it. */
public record AffiliationView(UUID id, String niss, String firstName, String lastName, String category,
                              LocalDate startDate, LocalDate liableFrom, LocalDate endDate, String status,
                              boolean lateRegistration, OffsetDateTime registeredAt) {

    static AffiliationView of(AffiliationEntity a, PersonEntity p) {
        return new AffiliationView(a.id, a.niss, p.firstName, p.lastName, a.category.name(), a.startDate,
                a.liableFrom, a.endDate, a.status.name(), a.lateRegistration, a.registeredAt);
    }
}
