package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.AffiliationStatus;
import be.caisse.affiliation.domain.Category;
import be.caisse.affiliation.domain.RegistrationPolicy;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Registers affiliations: the rules of {@link RegistrationPolicy}, the row, and its event in one transaction. */
@ApplicationScoped
public class AffiliationService {
    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    public record Registration(Niss niss, String firstName, String lastName, Category category, LocalDate startDate) {
    }

    @Transactional
    public AffiliationEntity register(Registration request, String registeredBy) {
        String niss = request.niss().value();
        if (AffiliationEntity.findActive(niss).isPresent()) {
            throw alreadyAffiliated();
        }
        RegistrationPolicy.Decision decision;
        try {
            decision = RegistrationPolicy.decide(request.startDate(), LocalDate.now(clock));
        } catch (RegistrationPolicy.RegistrationRefused refused) {
            throw DomainProblem.badRequest(refused.code(), "Registration refused", refused.getMessage());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        PersonEntity person = PersonEntity.findById(niss);
        if (person == null) {
            person = new PersonEntity();
            person.niss = niss;
            person.createdAt = now;
        }
        person.firstName = request.firstName().strip();
        person.lastName = request.lastName().strip();
        person.persist();

        AffiliationEntity affiliation = new AffiliationEntity();
        affiliation.id = UUID.randomUUID();
        affiliation.niss = niss;
        affiliation.category = request.category();
        affiliation.startDate = request.startDate();
        affiliation.liableFrom = decision.liableFrom();
        affiliation.lateRegistration = decision.late();
        affiliation.status = AffiliationStatus.ACTIVE;
        affiliation.registeredAt = now;
        affiliation.registeredBy = registeredBy;
        affiliation.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException || e instanceof org.hibernate.exception.ConstraintViolationException) {
                throw alreadyAffiliated(); // a concurrent registration won the race
            }
            throw e;
        }
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.REGISTERED, niss, affiliation.id.toString(),
                new AffiliationEvents.Registered(affiliation.id, niss, person.firstName, person.lastName,
                        affiliation.category.name(), affiliation.startDate, affiliation.liableFrom,
                        affiliation.lateRegistration, now));
        return affiliation;
    }

    private static DomainProblem alreadyAffiliated() {
        return DomainProblem.conflict("already-affiliated", "Already affiliated",
                "This person already has an active affiliation with the fund.");
    }
}
