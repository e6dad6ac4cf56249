package be.caisse.common.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent only once the broker acknowledged them
 * ({@code acks=all}, idempotent producer). A transaction-scoped advisory lock makes one relay instance publish at a
 * time, so that per-aggregate order holds with several replicas. What was not acknowledged (broker down, restart)
 * stays unpublished and is sent on the next pass: delivery is at least once, and consumers deduplicate on the id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x0CA155E0L;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
    Emitter<String> emitter;

    @ConfigProperty(name = "caisse.outbox.batch-size", defaultValue = "1000")
    int batchSize;

    @ConfigProperty(name = "caisse.outbox.ack-timeout-seconds", defaultValue = "30")
    int ackTimeoutSeconds;

    @Scheduled(every = "${caisse.outbox.poll-interval:0.3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Sends one batch; returns how many events were acknowledged and marked published. The rows are read and
     * marked with one statement each (set-based), so that a large quarterly run drains quickly.
     */
    @Transactional
    public int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", ADVISORY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, event_id, topic, event_type, source, subject, aggregate_id, "
                        + "occurred_at, payload FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :n")
                .setParameter("n", batchSize).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> batch = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            OutboxEvent e = new OutboxEvent();
            e.id = ((Number) r[0]).longValue();
            e.eventId = (java.util.UUID) r[1];
            e.topic = (String) r[2];
            e.eventType = (String) r[3];
            e.source = (String) r[4];
            e.subject = (String) r[5];
            e.aggregateId = (String) r[6];
            e.occurredAt = toOffsetDateTime(r[7]);
            e.payload = (String) r[8];
            batch.add(e);
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<Long> published = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(ackTimeoutSeconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Stop at the first failure: later events of the same aggregate must not overtake it.
                LOG.warnf("Event %s not acknowledged, will resend: %s", batch.get(i).eventId, e.getMessage());
                break;
            }
            published.add(batch.get(i).id);
        }
        Long[] all = batch.stream().map(e -> e.id).toArray(Long[]::new);
        em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, published_at = CASE WHEN id = ANY(CAST(:acked AS bigint[])) "
                        + "THEN CAST(:now AS timestamptz) ELSE published_at END WHERE id = ANY(CAST(:all AS bigint[]))")
                .setParameter("acked", published.toArray(Long[]::new))
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("all", all)
                .executeUpdate();
        return published.size();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId.toString())
                .withType(event.eventType)
                .withSource(URI.create(event.source))
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .build();
        Message<String> message = Message.of(event.payload, Metadata.of(cloudEvent, kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
