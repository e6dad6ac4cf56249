package be.caisse.affiliation.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The affiliation events this service publishes (JSON Schemas in caisse-common, events/schemas). */
public final class AffiliationEvents {
    public static final String TOPIC = "caisse.affiliation.events";
    public static final String REGISTERED = "be.caisse.affiliation.registered.v1";

    private AffiliationEvents() {
    }

    /** Data of {@value #REGISTERED}. */
    public record Registered(UUID affiliationId, String niss, String firstName, String lastName, String category,
                             LocalDate startDate, LocalDate liableFrom, boolean lateRegistration,
                             OffsetDateTime registeredAt) {
    }
}
