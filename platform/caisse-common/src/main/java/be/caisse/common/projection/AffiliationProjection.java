package be.caisse.common.projection;

import be.caisse.common.inbox.InboundEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Keeps {@link KnownAffiliation} up to date from the affiliation life cycle: registered, category changed,
 * interrupted, resumed, ceased, transferred. Other affiliation events are ignored here. Run it inside the
 * idempotent consumer, so that a redelivered event changes nothing.
 */
@ApplicationScoped
public class AffiliationProjection {
    static final String P = "be.caisse.affiliation.";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(UUID affiliationId, String niss, String category, String toCategory, LocalDate liableFrom,
                LocalDate date, LocalDate effectiveDate, LocalDate liableUntil, String reason, java.util.List<Period> periods) {
    }

    /** A period of the timeline a correction leaves. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Period(UUID affiliationId, String category, LocalDate startDate, LocalDate endDate, LocalDate liableFrom,
                  LocalDate liableUntil, String status, String cessationReason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        String type = event.type() == null ? "" : event.type();
        if (!type.startsWith(P)) {
            return;
        }
        String kind = type.substring(P.length()).replaceAll("\\.v[0-9]+$", "");
        switch (kind) {
            case "registered", "category-changed", "interrupted", "resumed", "ceased", "transferred", "corrected" -> { }
            default -> {
                return;
            }
        }
        Data d = event.dataAs(json, Data.class);
        if (kind.equals("corrected")) {
            corrected(event, type, d);
            return;
        }
        if (d.niss() == null || d.affiliationId() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + type + ") has no niss or affiliationId");
        }
        KnownAffiliation k = KnownAffiliation.findById(d.niss());
        if (k == null) {
            if (!kind.equals("registered")) {
                throw new IllegalStateException("Event " + event.id() + " (" + type + ") for an affiliation not registered here");
            }
            k = new KnownAffiliation();
            k.niss = d.niss();
        }
        switch (kind) {
            case "registered" -> {
                k.affiliationId = d.affiliationId();
                k.category = d.category();
                k.liableFrom = d.liableFrom();
                k.status = "ACTIVE";
                k.endDate = null;
                k.liableUntil = null;
                k.cessationReason = null;
            }
            case "category-changed" -> {
                k.affiliationId = d.affiliationId();
                k.category = d.toCategory();
            }
            case "interrupted" -> {
                k.status = "INTERRUPTED";
                k.endDate = d.date();
                k.liableUntil = d.liableUntil();
            }
            case "resumed" -> {
                k.affiliationId = d.affiliationId();
                k.category = d.category();
                k.status = "ACTIVE";
                k.endDate = null;
                k.liableUntil = null;
            }
            case "ceased" -> {
                k.status = "CEASED";
                k.endDate = d.date();
                k.liableUntil = d.liableUntil();
                k.cessationReason = d.reason();
            }
            case "transferred" -> {
                k.status = "CEASED";
                k.endDate = d.effectiveDate().minusDays(1);
                k.liableUntil = d.liableUntil();
                k.cessationReason = "TRANSFER_TO_ANOTHER_FUND";
            }
            default -> throw new IllegalStateException(kind);
        }
        k.lastEventType = type;
        k.updatedAt = OffsetDateTime.now(clock);
        k.persist();
    }

    /**
     * A correction gives the person's whole timeline: what this service knows is read again from its last period
     * (the first period of the same run of periods gives the start of liability). A registration cancelled leaves
     * no period: the affiliation is known as CANCELLED.
     */
    private void corrected(InboundEvent event, String type, Data d) {
        if (d.niss() == null || d.periods() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + type + ") has no niss or periods");
        }
        KnownAffiliation k = KnownAffiliation.findById(d.niss());
        if (k == null && d.periods().isEmpty()) {
            return;
        }
        if (k == null) {
            k = new KnownAffiliation();
            k.niss = d.niss();
        }
        java.util.List<Period> periods = d.periods().stream().sorted(java.util.Comparator.comparing(Period::startDate)).toList();
        if (periods.isEmpty()) {
            k.status = "CANCELLED";
            k.endDate = null;
            k.liableUntil = null;
            k.cessationReason = null;
        } else {
            Period last = periods.get(periods.size() - 1);
            int first = periods.size() - 1;
            while (first > 0 && periods.get(first - 1).endDate() != null
                    && periods.get(first - 1).endDate().plusDays(1).equals(periods.get(first).startDate())) {
                first--; // the same affiliation, in another category
            }
            k.affiliationId = last.affiliationId();
            k.category = last.category();
            k.liableFrom = periods.get(first).liableFrom();
            k.status = switch (last.status()) {
                case "ACTIVE" -> "ACTIVE";
                case "INTERRUPTED" -> "INTERRUPTED";
                default -> "CEASED";
            };
            k.endDate = last.endDate();
            k.liableUntil = last.liableUntil();
            k.cessationReason = last.cessationReason();
        }
        k.lastEventType = type;
        k.updatedAt = OffsetDateTime.now(clock);
        k.persist();
    }
}
