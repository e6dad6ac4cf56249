package be.caisse.affiliation.api;

import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One affiliation period as the API shows it; in the dossier (the current or latest period) with what is planned
 * ahead (a transition that takes effect on its date) and the proposals waiting for an agent.
 */
@Schema(name = "Affiliation")
public record AffiliationView(UUID id, String niss, String firstName, String lastName, String category,
                              String complementaryReason, String helpingSpouseStatus, String helpedPartnerNiss,
                              String studentInstitution, Integer studentCredits, Boolean pensionOptOut,
                              LocalDate startDate, LocalDate liableFrom, LocalDate endDate, LocalDate liableUntil,
                              String status, String openedBy, String endedBy, String cessationReason,
                              boolean lateRegistration, OffsetDateTime registeredAt,
                              @Schema(description = "Transitions dated ahead, taking effect on their date (dossier only)") List<Views.TransitionView> planned,
                              @Schema(description = "What a cessation proposed and an agent has not decided yet (dossier only)") List<Views.ProposalView> proposals,
                              @Schema(description = "What a registration in the past means for billing (registration only)") Views.BillingView billing) {

    static AffiliationView of(AffiliationEntity a, PersonEntity p) {
        return new AffiliationView(a.id, a.niss, p.firstName, p.lastName, a.category.name(), name(a.complementaryReason),
                name(a.helpingSpouseStatus), a.helpedPartnerNiss, a.studentInstitution, a.studentCredits,
                a.pensionOptOut ? Boolean.TRUE : null, a.startDate, a.liableFrom, a.endDate, a.liableUntil,
                a.status.name(), a.openedByEvent, a.endEvent, name(a.cessationReason), a.lateRegistration, a.registeredAt,
                null, null, null);
    }

    AffiliationView with(List<Views.TransitionView> plannedTransitions, List<Views.ProposalView> pending) {
        return new AffiliationView(id, niss, firstName, lastName, category, complementaryReason, helpingSpouseStatus,
                helpedPartnerNiss, studentInstitution, studentCredits, pensionOptOut, startDate, liableFrom, endDate,
                liableUntil, status, openedBy, endedBy, cessationReason, lateRegistration, registeredAt,
                plannedTransitions, pending, billing);
    }

    AffiliationView withBilling(Views.BillingView b) {
        return new AffiliationView(id, niss, firstName, lastName, category, complementaryReason, helpingSpouseStatus,
                helpedPartnerNiss, studentInstitution, studentCredits, pensionOptOut, startDate, liableFrom, endDate,
                liableUntil, status, openedBy, endedBy, cessationReason, lateRegistration, registeredAt, planned,
                proposals, b);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
