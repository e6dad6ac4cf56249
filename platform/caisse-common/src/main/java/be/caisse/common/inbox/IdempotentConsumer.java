package be.caisse.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Runs the effect of an event at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivered event (after a crash, a rebalance, a relay resend) finds its id and changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    EntityManager em;

    /** Runs the handler once per event id for this consumer, in one transaction with the id's record. */
    @Transactional
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<InboundEvent> handler) {
        InboundEvent event = InboundEvent.of(record);
        return runOnce(consumer, event.id(), event.type(), () -> handler.accept(event));
    }

    /** @return true if the effect ran, false if this event had already been processed by this consumer */
    @Transactional
    public boolean runOnce(String consumer, String eventId, String eventType, Runnable effect) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("Event without an id (ce_id header) cannot be processed idempotently");
        }
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type) "
                        + "VALUES (:consumer, :id, :type) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer).setParameter("id", eventId).setParameter("type", eventType)
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Event %s already processed by %s, skipped", eventId, consumer);
            return false;
        }
        effect.run();
        return true;
    }
}
