package be.caisse.recovery.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.projection.AffiliationProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Affiliation events → what recovery-service knows of each affiliation; idempotent, unreadable messages to the dead-letter topic. */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "recovery-service";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AffiliationProjection projection;

    @Inject
    be.caisse.common.projection.PersonProjection persons;

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            projection.apply(event);
            persons.apply(event);
        });
    }
}
