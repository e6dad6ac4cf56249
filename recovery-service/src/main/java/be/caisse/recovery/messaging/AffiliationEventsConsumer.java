package be.caisse.recovery.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.projection.AffiliationProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Affiliation events → what recovery-service knows of each affiliation, and a cessation for bankruptcy suspends the
 * debtor's open case; idempotent, unreadable messages to the dead-letter topic.
 */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "recovery-service";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AffiliationProjection projection;

    @Inject
    be.caisse.common.projection.PersonProjection persons;

    @Inject
    be.caisse.recovery.application.RecoveryService recovery;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Ceased(String niss, java.time.LocalDate date, String reason) {
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            projection.apply(event);
            persons.apply(event);
            if ("be.caisse.affiliation.ceased.v1".equals(event.type())) {
                // a bankruptcy suspends the enforcement of the debtor's open case (REFERENCE.md §5.5)
                Ceased c = event.dataAs(json, Ceased.class);
                if ("BANKRUPTCY".equals(c.reason()) && c.niss() != null && c.date() != null) {
                    recovery.bankruptcy(c.niss(), c.date());
                }
            }
        });
    }
}
