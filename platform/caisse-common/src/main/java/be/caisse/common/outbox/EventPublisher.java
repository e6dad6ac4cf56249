package be.caisse.common.outbox;

import be.caisse.common.web.RequestContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records a domain event in the outbox, in the caller's transaction: the event exists if and only if the change
 * that caused it was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class EventPublisher {
    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.events.source")
    String source;

    /**
     * @param topic       the Kafka topic of the aggregate's stream
     * @param type        the versioned CloudEvents type, e.g. {@code be.caisse.affiliation.registered.v1}
     * @param aggregateId the Kafka key: events of one aggregate stay in order
     * @param subject     the CloudEvents subject (what the event is about, e.g. an affiliation id)
     * @param data        the event data, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String aggregateId, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = be.caisse.common.identifiers.Uuids.timeOrdered();
        event.topic = topic;
        event.eventType = type;
        event.source = source;
        event.aggregateId = aggregateId;
        event.subject = subject;
        event.occurredAt = OffsetDateTime.now(clock);
        event.correlationId = RequestContext.currentRequestId();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data of " + type + " cannot be serialised", e);
        }
        event.persist();
        return event.eventId;
    }

    /** A bulk of events for one job, written with one COPY on the job's connection ({@link OutboxBulk#copy}). */
    public OutboxBulk bulk() {
        return new OutboxBulk(json, source, OffsetDateTime.now(clock), RequestContext.currentRequestId());
    }
}
