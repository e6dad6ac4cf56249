package be.caisse.affiliation.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The affiliation events this service publishes on {@value #TOPIC}: every state transition, not only creations
 * (JSON Schemas and the AsyncAPI document in caisse-common, events/). Person events are keyed by NISS, company
 * events by enterprise number, so each one's events stay in order.
 */
public final class AffiliationEvents {
    public static final String TOPIC = "caisse.affiliation.events";
    private static final String P = "be.caisse.affiliation.";
    public static final String PERSON_REGISTERED = P + "person-registered.v1";
    public static final String PERSON_CHANGED = P + "person-changed.v1";
    public static final String REGISTERED = P + "registered.v1";
    public static final String CATEGORY_CHANGED = P + "category-changed.v1";
    public static final String INTERRUPTED = P + "interrupted.v1";
    public static final String RESUMED = P + "resumed.v1";
    public static final String CEASED = P + "ceased.v1";
    public static final String TRANSFERRED = P + "transferred.v1";
    public static final String COMPANY_REGISTERED = P + "company-registered.v1";
    public static final String BALANCE_SHEET_RECORDED = P + "balance-sheet-recorded.v1";
    public static final String COMPANY_CEASED = P + "company-ceased.v1";
    public static final String MANDATE_STARTED = P + "mandate-started.v1";
    public static final String MANDATE_ENDED = P + "mandate-ended.v1";
    public static final String HELPER_LINKED = P + "helper-linked.v1";
    public static final String HELPER_UNLINKED = P + "helper-unlinked.v1";
    public static final String LIFE_EVENT_RECORDED = P + "life-event-recorded.v1";
    public static final String CORRECTED = P + "corrected.v1";
    public static final String MUTUALITY_CHANGED = P + "mutuality-changed.v1";

    private AffiliationEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonRegistered(String niss, String firstName, String lastName, LocalDate birthDate, String sex,
                                   String language, PostalAddress postalAddress, String deliveryChannel) {
    }

    /** The address as a letter prints it: the services that send documents keep it (never the parts apart). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostalAddress(String line1, String line2, String country) {
    }

    /**
     * A change of one field; the value is given for what other services act on (language, IBAN, address), and the
     * names for a change of name (a queue shows whose request it is).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonChanged(String niss, String field, String newValue, String origin, OffsetDateTime changedAt,
                                String firstName, String lastName, PostalAddress postalAddress) {
    }

    /** The person's whole insurer history after a change (a consumer replaces what it had): partners' routing. */
    public record MutualityChanged(String niss, List<MutualityPeriod> history) {
    }

    public record MutualityPeriod(String mutuality, LocalDate validFrom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registered(UUID affiliationId, String niss, String firstName, String lastName, String category,
                             LocalDate startDate, LocalDate liableFrom, boolean lateRegistration,
                             OffsetDateTime registeredAt, String complementaryReason, String helpingSpouseStatus,
                             String helpedPartnerNiss) {
    }

    public record CategoryChanged(UUID affiliationId, UUID previousAffiliationId, String niss, String fromCategory,
                                  String toCategory, LocalDate eventDate, LocalDate effectiveDate) {
    }

    public record Interrupted(UUID affiliationId, String niss, LocalDate date, LocalDate liableUntil) {
    }

    public record Resumed(UUID affiliationId, UUID previousAffiliationId, String niss, String category, LocalDate date,
                          LocalDate liableFrom) {
    }

    public record Ceased(UUID affiliationId, String niss, String category, LocalDate date, String reason,
                         LocalDate liableUntil) {
    }

    public record Transferred(UUID affiliationId, String niss, LocalDate requestDate, LocalDate effectiveDate,
                              LocalDate liableUntil) {
    }

    public record CompanyRegistered(String enterpriseNumber, String name, String legalForm, LocalDate incorporationDate,
                                    LocalDate affiliationDate, boolean lateAffiliation) {
    }

    public record BalanceSheetRecorded(String enterpriseNumber, int financialYear, BigDecimal total) {
    }

    public record CompanyCeased(String enterpriseNumber, LocalDate date, String reason) {
    }

    public record MandateStarted(UUID mandateId, String enterpriseNumber, String niss, String role, LocalDate startDate) {
    }

    public record MandateEnded(UUID mandateId, String enterpriseNumber, String niss, LocalDate endDate) {
    }

    public record HelperLinked(UUID linkId, String helperNiss, String helpedNiss, LocalDate startDate) {
    }

    public record HelperUnlinked(UUID linkId, String helperNiss, String helpedNiss, LocalDate endDate) {
    }

    /** One period of the timeline a correction leaves (cancelled periods are not in it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(UUID affiliationId, String category, LocalDate startDate, LocalDate endDate, LocalDate liableFrom,
                         LocalDate liableUntil, String status, String cessationReason) {
    }

    /** What a correction changed (the date, the category), before and after. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Corrected(UUID correctionId, String niss, UUID transitionId, String transitionType, String action,
                            LocalDate dateBefore, LocalDate dateAfter, String categoryBefore, String categoryAfter,
                            String reason, String correctedBy, String approvedBy, OffsetDateTime correctedAt,
                            java.util.List<Period> periods) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LifeEventRecorded(UUID lifeEventId, String niss, String type, LocalDate date, String relatedNiss,
                                    String source) {
    }
}
