package be.caisse.affiliation.application;

import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.LifeEventEntity;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Life events that open rights (the charter's rights granted without asking): recorded from the National
 * Register feed or by an agent, published so that benefits-service can propose the right.
 */
@ApplicationScoped
public class LifeEventService {
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "LifeEventType", description = "What happened in the member's life")
    public enum Type { BIRTH, ADOPTION, BANKRUPTCY, FORCED_INTERRUPTION, PENSION_AGE_REACHED, DEATH_OF_PARTNER, DEATH_OF_CHILD }

    public enum Source { NATIONAL_REGISTER, AGENT, CESSATION }

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    PersonService persons;

    @Transactional
    public LifeEventEntity record(String niss, Type type, LocalDate date, String relatedNiss, Source source, String note, String by) {
        persons.require(niss);
        if (date.isAfter(LocalDate.now(clock))) {
            throw DomainProblem.badRequest("life-event-in-future").on("date");
        }
        LifeEventEntity e = new LifeEventEntity();
        e.id = UUID.randomUUID();
        e.niss = niss;
        e.type = type.name();
        e.eventDate = date;
        e.relatedNiss = relatedNiss;
        e.source = source.name();
        e.note = note;
        e.recordedAt = OffsetDateTime.now(clock);
        e.recordedBy = by;
        e.persist();
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.LIFE_EVENT_RECORDED, niss, e.id.toString(),
                new AffiliationEvents.LifeEventRecorded(e.id, niss, e.type, date, relatedNiss, e.source));
        return e;
    }
}
