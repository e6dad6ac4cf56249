package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.BirthDates;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CategoryRules;
import be.caisse.affiliation.domain.CorrectionAction;
import be.caisse.affiliation.domain.Corrections;
import be.caisse.affiliation.domain.PeriodState;
import be.caisse.affiliation.domain.TransitionStatus;
import be.caisse.affiliation.domain.TransitionType;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.CorrectionEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.affiliation.persistence.TransitionEntity;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.time.Quarter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Corrections of a registration or a transition recorded by mistake: cancel it, or amend its date or category, with
 * a reason. A correction that reaches a quarter already billed (one begun, or the first quarter of the affiliation,
 * billed at registration) waits for a supervisor's approval — not the agent who asked; one that touches only the
 * future applies at once. Applied, it recomputes the periods ({@link Corrections}), keeps before and after, marks
 * the transition, and publishes {@code corrected.v1} with the person's whole timeline, which every consuming service
 * applies (contribution-service re-bills, benefits and recovery update what they know).
 */
@ApplicationScoped
public class CorrectionService {
    public static final String PENDING = "PENDING_APPROVAL";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    ObjectMapper json;

    @Inject
    AffiliationService affiliations;

    public record Request(UUID transitionId, CorrectionAction action, LocalDate date, CategoryDetails category, String reason) {
    }

    @Transactional
    public CorrectionEntity request(String niss, Request request, String by) {
        TransitionEntity t = TransitionEntity.findById(request.transitionId());
        if (t == null || !t.niss.equals(niss)) {
            throw DomainProblem.notFound("transition").on("transitionId");
        }
        if (t.status != TransitionStatus.APPLIED) {
            throw DomainProblem.conflict(t.status == TransitionStatus.PLANNED ? "correct-planned" : "correct-not-applied",
                    "@transition-status." + t.status);
        }
        if (CorrectionEntity.count("transitionId = ?1 and status = ?2", t.id, PENDING) > 0) {
            throw DomainProblem.conflict("correction-pending");
        }
        List<PeriodState> before = timeline(niss);
        List<PeriodState> after = check(niss, t, request, before);
        CorrectionEntity c = new CorrectionEntity();
        c.id = UUID.randomUUID();
        c.niss = niss;
        c.transitionId = t.id;
        c.action = request.action();
        c.newDate = request.date();
        c.newDetails = request.category() == null ? null : write(request.category());
        c.reason = request.reason().strip();
        c.beforeState = write(before);
        c.afterState = write(after);
        c.reachesBilled = reachesBilledQuarter(t, request, before);
        c.requestedBy = by;
        c.requestedAt = OffsetDateTime.now(clock);
        c.status = PENDING;
        c.persist();
        if (!c.reachesBilled) {
            apply(c, t, null);
        }
        return c;
    }

    /** A supervisor approves (the correction is applied on the dossier as it is now) or rejects it. */
    @Transactional
    public CorrectionEntity decide(UUID id, boolean approve, String note, String by) {
        CorrectionEntity c = CorrectionEntity.findById(id);
        if (c == null) {
            throw DomainProblem.notFound("correction");
        }
        if (!PENDING.equals(c.status)) {
            throw DomainProblem.conflict("correction-decided", "@correction-status." + c.status);
        }
        if (by.equals(c.requestedBy)) {
            throw new DomainProblem(403, "four-eyes");
        }
        c.decidedBy = by;
        c.decidedAt = OffsetDateTime.now(clock);
        c.decisionNote = note;
        if (!approve) {
            c.status = "REJECTED";
            return c;
        }
        TransitionEntity t = TransitionEntity.findById(c.transitionId);
        if (t.status != TransitionStatus.APPLIED) {
            throw DomainProblem.conflict("correct-not-applied", "@transition-status." + t.status);
        }
        apply(c, t, by);
        return c;
    }

    /** Checks the correction as if it were applied now; returns the periods it leaves. */
    private List<PeriodState> check(String niss, TransitionEntity t, Request r, List<PeriodState> before) {
        List<PeriodState> after = Corrections.apply(before, target(t), new Corrections.Change(r.action(), r.date(), r.category()));
        PersonEntity person = PersonEntity.findById(niss);
        LocalDate birth = person == null ? null : person.birthDate;
        Map<UUID, PeriodState> old = before.stream().collect(Collectors.toMap(PeriodState::id, Function.identity()));
        RuleViolation.Collector problems = new RuleViolation.Collector();
        for (PeriodState p : after) {
            PeriodState was = old.get(p.id());
            if (was == null || !was.equals(p)) {
                problems.check(() -> BirthDates.checkStart(birth, p.start(), "date"));
                problems.check(() -> CategoryRules.check(p.details(), birth, p.start(), "category."));
                if (r.category() != null) {
                    problems.check(() -> affiliations.checkHelpedPartner(p.details(), niss, "category."));
                }
            }
        }
        if (r.date() != null && r.date().isAfter(LocalDate.now(clock).plusMonths(6))) {
            problems.add(new RuleViolation("date-too-far-ahead", 6, LocalDate.now(clock).plusMonths(6)).on("date"));
        }
        problems.throwIfAny();
        return after;
    }

    private void apply(CorrectionEntity c, TransitionEntity t, String approvedBy) {
        List<PeriodState> before = timeline(c.niss);
        Request r = new Request(c.transitionId, c.action, c.newDate, c.newDetails == null ? null : read(c.newDetails, CategoryDetails.class), c.reason);
        List<PeriodState> after = check(c.niss, t, r, before);
        Map<UUID, PeriodState> next = after.stream().collect(Collectors.toMap(PeriodState::id, Function.identity()));
        // first what is removed or closed, then what opens: the one-active-period index holds at every step
        List<AffiliationEntity> entities = AffiliationEntity.list("niss = ?1 and status <> ?2", c.niss, AffiliationStatus.CANCELLED);
        entities.sort(Comparator.comparing((AffiliationEntity a) -> next.containsKey(a.id) && next.get(a.id).end() == null));
        for (AffiliationEntity a : entities) {
            PeriodState p = next.get(a.id);
            if (p == null) {
                a.status = AffiliationStatus.CANCELLED;
            } else {
                a.apply(p.details());
                a.startDate = p.start();
                a.liableFrom = p.liableFrom();
                a.endDate = p.end();
                a.liableUntil = p.liableUntil();
                a.status = p.status();
                a.endEvent = p.endEvent();
                a.cessationReason = p.cessationReason();
                if (t.type == TransitionType.REGISTRATION && a.id.equals(t.openedAffiliationId)) {
                    a.lateRegistration = p.start().isBefore(t.requestedAt.toLocalDate());
                }
            }
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw DomainProblem.conflict("correction-two-active");
            }
        }
        LocalDate dateBefore = t.eventDate;
        String categoryBefore = categoryOf(t, before);
        switch (c.action) {
            case CANCEL -> {
                t.status = TransitionStatus.REVOKED;
                t.endedBy = c.requestedBy;
                t.endedAt = OffsetDateTime.now(clock);
                t.endReason = c.reason.length() > 400 ? c.reason.substring(0, 400) : c.reason;
            }
            case AMEND_DATE -> {
                t.eventDate = c.newDate;
                t.effectiveDate = t.type == TransitionType.CATEGORY_CHANGE ? next.get(t.openedAffiliationId).start() : c.newDate;
            }
            case AMEND_CATEGORY -> {
                AffiliationService.Details d = affiliations.details(t);
                t.details = write(new AffiliationService.Details(r.category(), d.reason(), d.requestDate()));
                if (t.type == TransitionType.CATEGORY_CHANGE) {
                    t.effectiveDate = next.get(t.openedAffiliationId).start();
                }
            }
        }
        c.status = "APPLIED";
        c.afterState = write(after);
        if (approvedBy == null) {
            c.decidedBy = c.requestedBy;
            c.decidedAt = OffsetDateTime.now(clock);
        }
        String categoryAfter = c.action == CorrectionAction.AMEND_CATEGORY ? r.category().category().name() : null;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.CORRECTED, c.niss, c.id.toString(),
                new AffiliationEvents.Corrected(c.id, c.niss, t.id, t.type.name(), c.action.name(), dateBefore,
                        c.action == CorrectionAction.AMEND_DATE ? c.newDate : null,
                        categoryAfter == null ? null : categoryBefore, categoryAfter, c.reason, c.requestedBy, approvedBy,
                        OffsetDateTime.now(clock), after.stream().map(CorrectionService::period).toList()));
    }

    private static String categoryOf(TransitionEntity t, List<PeriodState> periods) {
        UUID id = t.openedAffiliationId != null ? t.openedAffiliationId : t.closedAffiliationId;
        return periods.stream().filter(p -> p.id().equals(id)).findFirst().map(p -> p.details().category().name()).orElse(null);
    }

    static AffiliationEvents.Period period(PeriodState p) {
        return new AffiliationEvents.Period(p.id(), p.details().category().name(), p.start(), p.end(), p.liableFrom(),
                p.liableUntil(), p.status().name(), p.cessationReason() == null ? null : p.cessationReason().name());
    }

    /**
     * Whether the correction reaches a quarter already billed: a quarter begun (its notice went out at its start),
     * or the first quarter of an affiliation (billed at registration, even ahead).
     */
    boolean reachesBilledQuarter(TransitionEntity t, Request r, List<PeriodState> before) {
        if (t.type == TransitionType.REGISTRATION) {
            return true;
        }
        LocalDate earliest = t.effectiveDate;
        if (r.date() != null && r.date().isBefore(earliest)) {
            earliest = r.date();
        }
        if (t.type == TransitionType.CATEGORY_CHANGE && r.category() != null) {
            earliest = Quarter.of(t.eventDate).firstDay();
        }
        return !Quarter.of(earliest).firstDay().isAfter(LocalDate.now(clock));
    }

    static Corrections.Target target(TransitionEntity t) {
        return new Corrections.Target(t.type, t.openedAffiliationId, t.closedAffiliationId, t.eventDate);
    }

    /** The person's periods as the correction rules see them. */
    static List<PeriodState> timeline(String niss) {
        List<PeriodState> periods = new ArrayList<>();
        for (AffiliationEntity a : AffiliationEntity.history(niss)) {
            periods.add(new PeriodState(a.id, a.details(), a.startDate, a.endDate, a.status, openedBy(a.openedByEvent),
                    a.endEvent, a.cessationReason));
        }
        periods.sort(Comparator.comparing(PeriodState::start));
        return periods;
    }

    private static TransitionType openedBy(String event) {
        return switch (Objects.requireNonNullElse(event, "REGISTRATION")) {
            case "CATEGORY_CHANGE" -> TransitionType.CATEGORY_CHANGE;
            case "RESUMPTION" -> TransitionType.RESUMPTION;
            default -> TransitionType.REGISTRATION;
        };
    }

    public List<PeriodState> readPeriods(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(stored, PeriodState[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored periods cannot be read", e);
        }
    }

    public CategoryDetails readCategory(String stored) {
        return stored == null ? null : read(stored, CategoryDetails.class);
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored value cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
