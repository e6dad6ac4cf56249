package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationPeriod;
import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.BirthDates;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryChangePolicy;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CategoryRules;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.domain.FundChangePolicy;
import be.caisse.affiliation.domain.RegistrationPolicy;
import be.caisse.affiliation.domain.TransitionSchedule;
import be.caisse.affiliation.domain.TransitionStatus;
import be.caisse.affiliation.domain.TransitionType;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LinkedProposalEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.affiliation.persistence.TransitionEntity;
import be.caisse.common.domain.Prescription;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.time.Quarter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The life cycle of a person's affiliation: registration, change of category, interruption and resumption,
 * cessation, transfer to another fund. Each step applies the rules of the domain, keeps the periods without
 * overlap, is kept in the dossier's trail ({@link TransitionEntity}) and publishes its event in the same
 * transaction. A step dated ahead (at most 6 months; a transfer on its 1 January) is recorded as planned and takes
 * effect on its date — in the nightly pass, or when the dossier is read — and can be cancelled until then.
 */
@ApplicationScoped
public class AffiliationService {
    private static final Logger LOG = Logger.getLogger(AffiliationService.class);
    static final String SYSTEM = "system:planned-transitions";

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    PersonService persons;

    @Inject
    RelationService relations;

    @Inject
    LifeEventService lifeEvents;

    @Inject
    ObjectMapper json;

    /** REFERENCE.md §1.4, not confirmed as current: configurable. */
    @ConfigProperty(name = "caisse.affiliation.fund-change.request-deadline", defaultValue = "--06-30")
    MonthDay fundChangeDeadline;

    @ConfigProperty(name = "caisse.affiliation.fund-change.minimum-years", defaultValue = "4")
    int fundChangeMinimumYears;

    @ConfigProperty(name = "caisse.prescription.years", defaultValue = "5")
    int prescriptionYears;

    /**
     * @param confirmBeyondPrescription a supervisor confirms a start older than what the fund can still bill
     * @param bySupervisor              whether the caller is a supervisor
     */
    public record Registration(Niss niss, PersonData person, CategoryDetails details, LocalDate startDate,
                               boolean confirmBeyondPrescription, boolean bySupervisor) {
    }

    /** What a registration in the past means for billing: liable from, billed from, and what is prescribed. */
    public record Billing(LocalDate liableFrom, LocalDate billedFrom, LocalDate prescribedUntil) {
    }

    public record Registered(AffiliationEntity affiliation, Billing billing) {
    }

    /** What a transition carries, kept with it as JSON. */
    public record Details(CategoryDetails category, CessationReason reason, LocalDate requestDate) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    public Prescription prescription() {
        return new Prescription(prescriptionYears);
    }

    @Transactional
    public Registered register(Registration request, String by) {
        String niss = request.niss().value();
        if (AffiliationEntity.findActive(niss).isPresent()) {
            throw alreadyAffiliated();
        }
        LocalDate today = today();
        PersonEntity existing = PersonEntity.findById(niss);
        LocalDate[] birth = {existing == null ? null : existing.birthDate};
        RuleViolation.Collector problems = new RuleViolation.Collector();
        problems.check(() -> birth[0] = BirthDates.checked(request.niss(),
                request.person().birthDate() != null ? request.person().birthDate() : birth[0], today));
        problems.check(() -> RegistrationPolicy.decide(request.startDate(), today));
        problems.check(() -> BirthDates.checkStart(birth[0], request.startDate(), "startDate"));
        Billing billing = billing(request.startDate(), today);
        if (billing.prescribedUntil() != null) {
            if (!request.confirmBeyondPrescription()) {
                problems.add(new RuleViolation("start-beyond-prescription", billing.billedFrom(), billing.prescribedUntil()).on("startDate"));
            } else if (!request.bySupervisor()) {
                problems.add(new RuleViolation("confirmation-by-supervisor").on("confirmBeyondPrescription"));
            }
        }
        problems.check(() -> CategoryRules.check(request.details(), birth[0], request.startDate()));
        problems.check(() -> checkHelpedPartner(request.details(), niss, ""));
        problems.throwIfAny();

        RegistrationPolicy.Decision decision = RegistrationPolicy.decide(request.startDate(), today);
        PersonData person = request.person();
        if (birth[0] != null && person.birthDate() == null) {
            person = person.withBirthDate(birth[0]);
        }
        PersonEntity p = persons.findOrCreate(request.niss(), person, by);
        AffiliationPeriod.checkNoOverlap(new AffiliationPeriod(request.startDate(), null), periodsOf(niss));

        AffiliationEntity a = newPeriod(niss, request.details(), request.startDate(), "REGISTRATION", by);
        a.lateRegistration = decision.late();
        persistChecked(a);
        TransitionEntity t = transition(niss, TransitionType.REGISTRATION, request.startDate(), request.startDate(),
                new Details(request.details(), null, null), by);
        t.openedAffiliationId = a.id;
        markApplied(t);
        t.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.REGISTERED, niss, a.id.toString(),
                new AffiliationEvents.Registered(a.id, niss, p.firstName, p.lastName, a.category.name(),
                        a.startDate, a.liableFrom, a.lateRegistration, a.registeredAt,
                        name(a.complementaryReason), name(a.helpingSpouseStatus), a.helpedPartnerNiss));
        if (a.category == Category.HELPING_SPOUSE) {
            relations.linkHelper(niss, a.helpedPartnerNiss, a.startDate);
        }
        return new Registered(a, billing);
    }

    /** Liable from the quarter of the start; billed only from what is not prescribed (REFERENCE.md §5.1). */
    public Billing billing(LocalDate start, LocalDate today) {
        LocalDate liableFrom = Quarter.of(start).firstDay();
        LocalDate billable = prescription().billableFrom(today);
        return liableFrom.isBefore(billable) ? new Billing(liableFrom, billable, billable.minusDays(1))
                : new Billing(liableFrom, liableFrom, null);
    }

    // ---- transitions: checked when asked, applied now or on their date ----------------------------------------

    /** A change of category, effective by the quarter rules of the event date (REFERENCE.md §1.2). */
    @Transactional
    public TransitionEntity changeCategory(String niss, CategoryDetails details, LocalDate eventDate, String by) {
        requireNothingPlanned(niss);
        AffiliationEntity current = requireActive(niss);
        LocalDate effective = checkCategoryChange(niss, current, details, eventDate);
        boolean planned = TransitionSchedule.planned(eventDate, today(), "eventDate");
        TransitionEntity t = transition(niss, TransitionType.CATEGORY_CHANGE, eventDate, effective, new Details(details, null, null), by);
        return planned ? plan(t) : apply(t);
    }

    @Transactional
    public TransitionEntity interrupt(String niss, LocalDate date, String by) {
        requireNothingPlanned(niss);
        AffiliationEntity current = requireActive(niss);
        checkNotBeforeStart(current, date);
        boolean planned = TransitionSchedule.planned(date, today(), "date");
        TransitionEntity t = transition(niss, TransitionType.INTERRUPTION, date, date, new Details(null, null, null), by);
        return planned ? plan(t) : apply(t);
    }

    @Transactional
    public TransitionEntity resume(String niss, LocalDate date, String by) {
        requireNothingPlanned(niss);
        AffiliationEntity last = checkResumption(niss, date);
        boolean planned = TransitionSchedule.planned(date, today(), "date");
        TransitionEntity t = transition(niss, TransitionType.RESUMPTION, date, date, new Details(last.details(), null, null), by);
        return planned ? plan(t) : apply(t);
    }

    /** Cessation: liability runs until the end of the quarter of the cessation. */
    @Transactional
    public TransitionEntity cease(String niss, LocalDate date, CessationReason reason, String by) {
        if (reason == CessationReason.TRANSFER_TO_ANOTHER_FUND) {
            throw DomainProblem.badRequest("use-transfer").on("reason");
        }
        requireNothingPlanned(niss);
        AffiliationEntity current = requireActive(niss);
        checkNotBeforeStart(current, date);
        boolean planned = TransitionSchedule.planned(date, today(), "date");
        TransitionEntity t = transition(niss, TransitionType.CESSATION, date, date, new Details(null, reason, null), by);
        return planned ? plan(t) : apply(t);
    }

    /**
     * Change of fund: the affiliation ends the day before the transfer takes effect (a 1 January), so the transfer is
     * planned for that last day, however far it is (a request after the deadline waits one more year).
     */
    @Transactional
    public TransitionEntity transfer(String niss, LocalDate requestDate, String by) {
        if (requestDate.isAfter(today())) {
            throw new RuleViolation("request-date-future").on("requestDate");
        }
        requireNothingPlanned(niss);
        AffiliationEntity current = requireActive(niss);
        LocalDate since = periodsOf(niss).stream().map(AffiliationPeriod::start).min(LocalDate::compareTo).orElse(current.startDate);
        LocalDate effective = new FundChangePolicy(fundChangeDeadline, fundChangeMinimumYears).effectiveDate(requestDate, since);
        LocalDate lastDay = effective.minusDays(1);
        TransitionEntity t = transition(niss, TransitionType.TRANSFER, lastDay, effective, new Details(null, null, requestDate), by);
        return TransitionSchedule.due(lastDay, today()) ? apply(t) : plan(t);
    }

    /** A planned transition is cancelled before it takes effect; an applied one is corrected instead. */
    @Transactional
    public TransitionEntity cancelPlanned(String niss, UUID id, String reason, String by) {
        TransitionEntity t = TransitionEntity.findById(id);
        if (t == null || !t.niss.equals(niss)) {
            throw DomainProblem.notFound("transition");
        }
        if (t.status != TransitionStatus.PLANNED) {
            throw DomainProblem.conflict("transition-not-planned", "@transition-status." + t.status);
        }
        t.status = TransitionStatus.CANCELLED;
        t.endedBy = by;
        t.endedAt = OffsetDateTime.now(clock);
        t.endReason = reason;
        return t;
    }

    /**
     * Applies the planned transitions of a person whose date has come (a read of the dossier does it first, so that
     * it is never shown in a state it has already left). Each in its own transaction; one that no longer fits the
     * dossier is marked failed with the reason, for an agent.
     */
    public int applyDue(String niss) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> TransitionEntity.<TransitionEntity>list(
                "niss = ?1 and status = ?2 and eventDate <= ?3", niss, TransitionStatus.PLANNED, today())
                .stream().map(t -> t.id).toList());
        return applyEach(due);
    }

    @Scheduled(cron = "${caisse.affiliation.planned-transitions.cron:0 5 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int applied = applyAllDue();
        if (applied > 0) {
            LOG.infof("%d planned transition(s) took effect", applied);
        }
    }

    public int applyAllDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> TransitionEntity.due(today()).stream().map(t -> t.id).toList());
        return applyEach(due);
    }

    private int applyEach(List<UUID> ids) {
        int applied = 0;
        for (UUID id : ids) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    TransitionEntity t = TransitionEntity.findById(id);
                    if (t != null && t.status == TransitionStatus.PLANNED) {
                        apply(t);
                    }
                });
                applied++;
            } catch (RuleViolation | DomainProblem e) {
                QuarkusTransaction.requiringNew().run(() -> {
                    TransitionEntity t = TransitionEntity.findById(id);
                    t.status = TransitionStatus.FAILED;
                    t.endedBy = SYSTEM;
                    t.endedAt = OffsetDateTime.now(clock);
                    t.endReason = e.getMessage().length() > 400 ? e.getMessage().substring(0, 400) : e.getMessage();
                });
                LOG.warnf("Planned transition %s could not take effect: %s", id, e.getMessage());
            }
        }
        return applied;
    }

    private TransitionEntity plan(TransitionEntity t) {
        t.status = TransitionStatus.PLANNED;
        t.persist();
        return t;
    }

    /** Does what the transition says, publishes its event and marks it applied. */
    TransitionEntity apply(TransitionEntity t) {
        markApplied(t); // within this transaction: if what follows fails, nothing of it stays
        if (!t.isPersistent()) {
            t.persist(); // before what refers to it (the proposals of a cessation)
        }
        Details d = details(t);
        switch (t.type) {
            case CATEGORY_CHANGE -> doChangeCategory(t, d.category());
            case INTERRUPTION -> doInterrupt(t);
            case RESUMPTION -> doResume(t);
            case CESSATION -> doCease(t, d.reason());
            case TRANSFER -> doTransfer(t, d.requestDate());
            default -> throw new IllegalStateException("A " + t.type + " is not applied this way");
        }
        return t;
    }

    private void markApplied(TransitionEntity t) {
        t.status = TransitionStatus.APPLIED;
        t.appliedAt = OffsetDateTime.now(clock);
    }

    private LocalDate checkCategoryChange(String niss, AffiliationEntity current, CategoryDetails details, LocalDate eventDate) {
        LocalDate effective = CategoryChangePolicy.effectiveDate(current.category, details.category(), eventDate);
        if (!effective.isAfter(current.startDate)) {
            throw new RuleViolation("change-before-start", effective, current.startDate).on("eventDate");
        }
        PersonEntity person = persons.require(niss);
        CategoryRules.check(details, person.birthDate, effective, "category.");
        checkHelpedPartner(details, niss, "category.");
        return effective;
    }

    /** Closes the current period the day before the effective date and opens one in the new category. */
    private void doChangeCategory(TransitionEntity t, CategoryDetails details) {
        String niss = t.niss;
        AffiliationEntity current = requireActive(niss);
        LocalDate effective = checkCategoryChange(niss, current, details, t.eventDate);
        close(current, effective.minusDays(1), AffiliationStatus.CLOSED, "CATEGORY_CHANGE", null);
        em.flush();
        AffiliationEntity next = newPeriod(niss, details, effective, "CATEGORY_CHANGE", t.requestedBy);
        persistChecked(next);
        t.effectiveDate = effective;
        t.openedAffiliationId = next.id;
        t.closedAffiliationId = current.id;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.CATEGORY_CHANGED, niss, next.id.toString(),
                new AffiliationEvents.CategoryChanged(next.id, current.id, niss, current.category.name(),
                        next.category.name(), t.eventDate, effective));
    }

    private void doInterrupt(TransitionEntity t) {
        AffiliationEntity current = requireActive(t.niss);
        checkNotBeforeStart(current, t.eventDate);
        close(current, t.eventDate, AffiliationStatus.INTERRUPTED, "INTERRUPTION", null);
        t.closedAffiliationId = current.id;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.INTERRUPTED, t.niss, current.id.toString(),
                new AffiliationEvents.Interrupted(current.id, t.niss, t.eventDate, current.liableUntil));
    }

    private AffiliationEntity checkResumption(String niss, LocalDate date) {
        if (AffiliationEntity.findActive(niss).isPresent()) {
            throw DomainProblem.conflict("already-active");
        }
        AffiliationEntity last = AffiliationEntity.history(niss).stream().findFirst()
                .orElseThrow(() -> DomainProblem.notFound("affiliation"));
        if (last.status != AffiliationStatus.INTERRUPTED) {
            throw DomainProblem.conflict("not-interrupted");
        }
        if (Quarter.of(date).compareTo(Quarter.of(last.endDate)) <= 0) {
            throw new RuleViolation("resumption-in-same-quarter", Quarter.of(last.endDate).toString()).on("date");
        }
        AffiliationPeriod.checkNoOverlap(new AffiliationPeriod(date, null), periodsOf(niss));
        return last;
    }

    private void doResume(TransitionEntity t) {
        AffiliationEntity last = checkResumption(t.niss, t.eventDate);
        AffiliationEntity next = newPeriod(t.niss, last.details(), t.eventDate, "RESUMPTION", t.requestedBy);
        persistChecked(next);
        t.openedAffiliationId = next.id;
        t.closedAffiliationId = last.id;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.RESUMED, t.niss, next.id.toString(),
                new AffiliationEvents.Resumed(next.id, last.id, t.niss, next.category.name(), t.eventDate, next.liableFrom));
    }

    /**
     * Liable until the end of the quarter. A cessation for bankruptcy or a forced interruption records the matching
     * life event (so that the bridging right can be proposed); the helping spouse's link and affiliation, which end
     * with the activity she helped, are proposed to an agent; the person's running mandates are another activity and
     * are only listed.
     */
    private void doCease(TransitionEntity t, CessationReason reason) {
        AffiliationEntity current = requireActive(t.niss);
        checkNotBeforeStart(current, t.eventDate);
        close(current, t.eventDate, AffiliationStatus.CEASED, "CESSATION", reason);
        t.closedAffiliationId = current.id;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.CEASED, t.niss, current.id.toString(),
                new AffiliationEvents.Ceased(current.id, t.niss, current.category.name(), t.eventDate, reason.name(), current.liableUntil));
        if (reason == CessationReason.BANKRUPTCY || reason == CessationReason.FORCED_INTERRUPTION) {
            lifeEvents.record(t.niss, LifeEventService.Type.valueOf(reason.name()), t.eventDate, null,
                    LifeEventService.Source.CESSATION, null, t.requestedBy);
        }
        for (HelperLinkEntity link : activeHelpersOf(t.niss)) {
            LinkedProposalEntity p = new LinkedProposalEntity();
            p.id = UUID.randomUUID();
            p.niss = t.niss;
            p.transitionId = t.id;
            p.kind = "END_HELPER";
            p.subjectNiss = link.helperNiss;
            p.linkId = link.id;
            p.proposedDate = t.eventDate.isBefore(link.startDate) ? link.startDate : t.eventDate;
            p.status = "PENDING";
            p.createdAt = OffsetDateTime.now(clock);
            p.persist();
        }
    }

    /** The helpers (helping spouses) still linked to a person. */
    public static List<HelperLinkEntity> activeHelpersOf(String niss) {
        return HelperLinkEntity.list("helpedNiss = ?1 and endDate is null order by startDate", niss);
    }

    /** The person's mandates still running: another activity, listed with a cessation, not ended by it. */
    public static List<MandateEntity> runningMandatesOf(String niss) {
        return MandateEntity.list("niss = ?1 and endDate is null order by startDate", niss);
    }

    private void doTransfer(TransitionEntity t, LocalDate requestDate) {
        AffiliationEntity current = requireActive(t.niss);
        close(current, t.eventDate, AffiliationStatus.CEASED, "TRANSFER", CessationReason.TRANSFER_TO_ANOTHER_FUND);
        t.closedAffiliationId = current.id;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.TRANSFERRED, t.niss, current.id.toString(),
                new AffiliationEvents.Transferred(current.id, t.niss, requestDate, t.effectiveDate, current.liableUntil));
    }

    public AffiliationEntity requireActive(String niss) {
        return AffiliationEntity.findActive(niss).orElseThrow(() -> DomainProblem.conflict("no-active-affiliation"));
    }

    private void requireNothingPlanned(String niss) {
        TransitionEntity.planned(niss).ifPresent(p -> {
            throw DomainProblem.conflict("transition-planned", "@transition." + p.type, p.eventDate);
        });
    }

    private static void checkNotBeforeStart(AffiliationEntity current, LocalDate date) {
        if (date.isBefore(current.startDate)) {
            throw new RuleViolation("end-before-start", date, current.startDate).on("date");
        }
    }

    /** A helping spouse is affiliated with the same fund as the self-employed partner (REFERENCE.md §1.2). */
    void checkHelpedPartner(CategoryDetails details, String niss, String prefix) {
        if (details.category() != Category.HELPING_SPOUSE || details.helpedPartnerNiss() == null) {
            return;
        }
        String partner = Niss.parse(details.helpedPartnerNiss()).value();
        if (partner.equals(niss)) {
            throw new RuleViolation("helped-partner-self").on(prefix + "helpedPartnerNiss");
        }
        AffiliationEntity helped = AffiliationEntity.findActive(partner).orElseThrow(() -> new RuleViolation(
                "helped-partner-not-affiliated").on(prefix + "helpedPartnerNiss"));
        if (helped.category == Category.HELPING_SPOUSE || helped.category == Category.STUDENT) {
            throw new RuleViolation("helped-partner-not-self-employed").on(prefix + "helpedPartnerNiss");
        }
    }

    TransitionEntity transition(String niss, TransitionType type, LocalDate date, LocalDate effective, Details d, String by) {
        TransitionEntity t = new TransitionEntity();
        t.id = UUID.randomUUID();
        t.niss = niss;
        t.type = type;
        t.eventDate = date;
        t.effectiveDate = effective;
        t.details = write(d);
        t.requestedBy = by;
        t.requestedAt = OffsetDateTime.now(clock);
        return t;
    }

    public Details details(TransitionEntity t) {
        try {
            return json.readValue(t.details, Details.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored transition cannot be read", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    AffiliationEntity newPeriod(String niss, CategoryDetails details, LocalDate start, String openedBy, String by) {
        AffiliationEntity a = new AffiliationEntity();
        a.id = UUID.randomUUID();
        a.niss = niss;
        a.apply(details);
        a.startDate = start;
        a.liableFrom = new AffiliationPeriod(start, null).liableFrom();
        a.status = AffiliationStatus.ACTIVE;
        a.openedByEvent = openedBy;
        a.registeredAt = OffsetDateTime.now(clock);
        a.registeredBy = by;
        return a;
    }

    private static void close(AffiliationEntity a, LocalDate end, AffiliationStatus status, String endEvent, CessationReason reason) {
        a.endDate = end;
        a.liableUntil = new AffiliationPeriod(a.startDate, end).liableUntil();
        a.status = status;
        a.endEvent = endEvent;
        a.cessationReason = reason;
    }

    List<AffiliationPeriod> periodsOf(String niss) {
        return AffiliationEntity.history(niss).stream().map(AffiliationEntity::period).toList();
    }

    void persistChecked(AffiliationEntity a) {
        a.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                throw alreadyAffiliated(); // a concurrent registration won the race
            }
            throw e;
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static DomainProblem alreadyAffiliated() {
        return DomainProblem.conflict("already-affiliated");
    }

    /** The transitions of a person still planned (at most one). */
    public static List<TransitionEntity> plannedOf(String niss) {
        return new ArrayList<>(TransitionEntity.planned(niss).stream().toList());
    }
}
