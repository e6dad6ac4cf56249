package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationPeriod;
import be.caisse.affiliation.domain.AffiliationRuleViolation;
import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.CategoryChangePolicy;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.domain.CategoryRules;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.domain.FundChangePolicy;
import be.caisse.affiliation.domain.RegistrationPolicy;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.time.Quarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The life cycle of a person's affiliation: registration, change of category, interruption and resumption,
 * cessation, transfer to another fund. Each step applies the rules of the domain, keeps the periods without
 * overlap, and publishes its event in the same transaction.
 */
@ApplicationScoped
public class AffiliationService {
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

    /** REFERENCE.md §1.4, not confirmed as current: configurable. */
    @ConfigProperty(name = "caisse.affiliation.fund-change.request-deadline", defaultValue = "--06-30")
    MonthDay fundChangeDeadline;

    @ConfigProperty(name = "caisse.affiliation.fund-change.minimum-years", defaultValue = "4")
    int fundChangeMinimumYears;

    public record Registration(Niss niss, PersonData person, CategoryDetails details, LocalDate startDate) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public AffiliationEntity register(Registration request, String by) {
        String niss = request.niss().value();
        if (AffiliationEntity.findActive(niss).isPresent()) {
            throw alreadyAffiliated();
        }
        RegistrationPolicy.Decision decision = RegistrationPolicy.decide(request.startDate(), today());
        PersonEntity person = persons.findOrCreate(request.niss(), request.person(), by);
        CategoryRules.check(request.details(), person.birthDate, request.startDate());
        checkHelpedPartner(request.details(), niss);
        AffiliationPeriod.checkNoOverlap(new AffiliationPeriod(request.startDate(), null), periodsOf(niss));

        AffiliationEntity a = newPeriod(niss, request.details(), request.startDate(), "REGISTRATION", by);
        a.lateRegistration = decision.late();
        persistChecked(a);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.REGISTERED, niss, a.id.toString(),
                new AffiliationEvents.Registered(a.id, niss, person.firstName, person.lastName, a.category.name(),
                        a.startDate, a.liableFrom, a.lateRegistration, a.registeredAt,
                        name(a.complementaryReason), name(a.helpingSpouseStatus), a.helpedPartnerNiss));
        if (a.category == Category.HELPING_SPOUSE) {
            relations.linkHelper(niss, a.helpedPartnerNiss, a.startDate);
        }
        return a;
    }

    /** Closes the current period the day before the effective date and opens one in the new category. */
    @Transactional
    public AffiliationEntity changeCategory(String niss, CategoryDetails details, LocalDate eventDate, String by) {
        AffiliationEntity current = requireActive(niss);
        LocalDate effective = CategoryChangePolicy.effectiveDate(current.category, details.category(), eventDate);
        if (!effective.isAfter(current.startDate)) {
            throw new AffiliationRuleViolation("change-before-start", "The change would take effect on " + effective
                    + ", not after the start of the current period (" + current.startDate + ").");
        }
        PersonEntity person = persons.require(niss);
        CategoryRules.check(details, person.birthDate, effective);
        checkHelpedPartner(details, niss);
        close(current, effective.minusDays(1), AffiliationStatus.CLOSED, "CATEGORY_CHANGE", null);
        em.flush();
        AffiliationEntity next = newPeriod(niss, details, effective, "CATEGORY_CHANGE", by);
        persistChecked(next);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.CATEGORY_CHANGED, niss, next.id.toString(),
                new AffiliationEvents.CategoryChanged(next.id, current.id, niss, current.category.name(),
                        next.category.name(), eventDate, effective));
        return next;
    }

    @Transactional
    public AffiliationEntity interrupt(String niss, LocalDate date, String by) {
        AffiliationEntity current = requireActive(niss);
        checkNotBeforeStart(current, date);
        close(current, date, AffiliationStatus.INTERRUPTED, "INTERRUPTION", null);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.INTERRUPTED, niss, current.id.toString(),
                new AffiliationEvents.Interrupted(current.id, niss, date, current.liableUntil));
        return current;
    }

    @Transactional
    public AffiliationEntity resume(String niss, LocalDate date, String by) {
        if (AffiliationEntity.findActive(niss).isPresent()) {
            throw DomainProblem.conflict("already-active", "Already active", "The activity is not interrupted.");
        }
        AffiliationEntity last = AffiliationEntity.history(niss).stream().findFirst()
                .orElseThrow(() -> DomainProblem.notFound("affiliation", "No affiliation is known for this NISS."));
        if (last.status != AffiliationStatus.INTERRUPTED) {
            throw DomainProblem.conflict("not-interrupted", "Not interrupted",
                    "Only an interrupted activity can be resumed; register a new affiliation instead.");
        }
        if (Quarter.of(date).compareTo(Quarter.of(last.endDate)) <= 0) {
            throw new AffiliationRuleViolation("resumption-in-same-quarter", "A resumption takes effect after the quarter of the interruption ("
                    + Quarter.of(last.endDate) + "), which is due in full anyway.");
        }
        AffiliationPeriod.checkNoOverlap(new AffiliationPeriod(date, null), periodsOf(niss));
        AffiliationEntity next = newPeriod(niss, last.details(), date, "RESUMPTION", by);
        persistChecked(next);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.RESUMED, niss, next.id.toString(),
                new AffiliationEvents.Resumed(next.id, last.id, niss, next.category.name(), date, next.liableFrom));
        return next;
    }

    /** Cessation: liability runs until the end of the quarter of the cessation. */
    @Transactional
    public AffiliationEntity cease(String niss, LocalDate date, CessationReason reason, String by) {
        if (reason == CessationReason.TRANSFER_TO_ANOTHER_FUND) {
            throw DomainProblem.badRequest("use-transfer", "Use the transfer", "A change of fund is requested with a transfer, which fixes its date.");
        }
        AffiliationEntity current = requireActive(niss);
        checkNotBeforeStart(current, date);
        close(current, date, AffiliationStatus.CEASED, "CESSATION", reason);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.CEASED, niss, current.id.toString(),
                new AffiliationEvents.Ceased(current.id, niss, current.category.name(), date, reason.name(), current.liableUntil));
        return current;
    }

    /** Change of fund: the affiliation ends the day before the transfer takes effect (a 1 January). */
    @Transactional
    public AffiliationEntity transfer(String niss, LocalDate requestDate, String by) {
        AffiliationEntity current = requireActive(niss);
        LocalDate since = periodsOf(niss).stream().map(AffiliationPeriod::start).min(LocalDate::compareTo).orElse(current.startDate);
        LocalDate effective = new FundChangePolicy(fundChangeDeadline, fundChangeMinimumYears).effectiveDate(requestDate, since);
        close(current, effective.minusDays(1), AffiliationStatus.CEASED, "TRANSFER", CessationReason.TRANSFER_TO_ANOTHER_FUND);
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.TRANSFERRED, niss, current.id.toString(),
                new AffiliationEvents.Transferred(current.id, niss, requestDate, effective, current.liableUntil));
        return current;
    }

    public AffiliationEntity requireActive(String niss) {
        return AffiliationEntity.findActive(niss).orElseThrow(() -> DomainProblem.conflict("no-active-affiliation",
                "No active affiliation", "This person has no active affiliation with the fund."));
    }

    private void checkNotBeforeStart(AffiliationEntity current, LocalDate date) {
        if (date.isBefore(current.startDate)) {
            throw new AffiliationRuleViolation("end-before-start", "The date " + date + " is before the start of the current period (" + current.startDate + ").");
        }
    }

    /** A helping spouse is affiliated with the same fund as the self-employed partner (REFERENCE.md §1.2). */
    private void checkHelpedPartner(CategoryDetails details, String niss) {
        if (details.category() != Category.HELPING_SPOUSE) {
            return;
        }
        String partner = Niss.parse(details.helpedPartnerNiss()).value();
        if (partner.equals(niss)) {
            throw new AffiliationRuleViolation("helped-partner-self", "A helping spouse helps someone else.");
        }
        AffiliationEntity helped = AffiliationEntity.findActive(partner).orElseThrow(() -> new AffiliationRuleViolation(
                "helped-partner-not-affiliated", "The partner helped must be affiliated with this fund as self-employed."));
        if (helped.category == Category.HELPING_SPOUSE || helped.category == Category.STUDENT) {
            throw new AffiliationRuleViolation("helped-partner-not-self-employed", "The partner helped must be a self-employed person.");
        }
    }

    private AffiliationEntity newPeriod(String niss, CategoryDetails details, LocalDate start, String openedBy, String by) {
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

    private void close(AffiliationEntity a, LocalDate end, AffiliationStatus status, String endEvent, CessationReason reason) {
        a.endDate = end;
        a.liableUntil = new AffiliationPeriod(a.startDate, end).liableUntil();
        a.status = status;
        a.endEvent = endEvent;
        a.cessationReason = reason;
    }

    private List<AffiliationPeriod> periodsOf(String niss) {
        return AffiliationEntity.history(niss).stream().map(AffiliationEntity::period).toList();
    }

    private void persistChecked(AffiliationEntity a) {
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

    private static DomainProblem alreadyAffiliated() {
        return DomainProblem.conflict("already-affiliated", "Already affiliated",
                "This person already has an active affiliation with the fund.");
    }
}
