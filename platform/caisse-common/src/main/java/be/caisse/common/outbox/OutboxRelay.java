package be.caisse.common.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and moves them to the published log only once the broker acknowledged them
 * ({@code acks=all}, idempotent producer). A transaction-scoped advisory lock makes one relay instance publish at a
 * time, so that per-aggregate order holds with several replicas. What was not acknowledged (broker down, restart)
 * stays unpublished and is sent on the next pass: delivery is at least once, and consumers deduplicate on the id.
 *
 * <p>It writes with a plain Kafka producer (CloudEvents 1.0 binary mode: {@code ce_*} headers, JSON value): a
 * quarterly run puts a million events in the outbox, and the producer's own batching sends them several times
 * faster than a reactive-messaging emitter, message by message, did.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "caisse.outbox.linger-ms", defaultValue = "5")
    int lingerMs;

    @ConfigProperty(name = "caisse.outbox.producer-batch-bytes", defaultValue = "262144")
    int producerBatchBytes;

    private volatile KafkaProducer<String, String> producer;

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties config = new Properties();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    config.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
                    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(producerBatchBytes));
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(ackTimeoutSeconds * 1000L));
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(ackTimeoutSeconds * 1000L, 30_000L)));
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
                    // the service's own identity on the broker, as its channels have it (kafka.security.protocol, ...)
                    org.eclipse.microprofile.config.Config all = org.eclipse.microprofile.config.ConfigProvider.getConfig();
                    for (String key : java.util.List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
                        all.getOptionalValue("kafka." + key, String.class).ifPresent(v -> config.put(key, v));
                    }
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    @ConfigProperty(name = "caisse.outbox.batch-size", defaultValue = "5000")
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
        if (!be.caisse.common.persistence.AdvisoryLocks.tryForTransaction(em, be.caisse.common.persistence.AdvisoryLocks.OUTBOX_RELAY)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, event_id, topic, event_type, source, subject, aggregate_id, "
                        + "occurred_at, payload FROM outbox_event ORDER BY id LIMIT :n")
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
        // acknowledged: out of the outbox, into the log of what was published; not acknowledged: tried again
        if (!published.isEmpty()) {
            em.createNativeQuery("WITH sent AS (DELETE FROM outbox_event WHERE id = ANY(CAST(:acked AS bigint[])) "
                            + "RETURNING event_id, topic, event_type, aggregate_id, subject, occurred_at) "
                            + "INSERT INTO outbox_published (event_id, topic, event_type, aggregate_id, subject, occurred_at, published_at) "
                            + "SELECT event_id, topic, event_type, aggregate_id, subject, occurred_at, CAST(:now AS timestamptz) FROM sent")
                    .setParameter("acked", published.toArray(Long[]::new))
                    .setParameter("now", OffsetDateTime.now(clock))
                    .executeUpdate();
        }
        if (published.size() < batch.size()) {
            Long[] failed = batch.subList(published.size(), batch.size()).stream().map(e -> e.id).toArray(Long[]::new);
            em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1 WHERE id = ANY(CAST(:failed AS bigint[]))")
                    .setParameter("failed", failed).executeUpdate();
        }
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
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId.toString());
        header(record, "ce_type", event.eventType);
        header(record, "ce_source", event.source);
        header(record, "ce_time", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt));
        if (event.subject != null) {
            header(record, "ce_subject", event.subject);
        }
        header(record, "content-type", "application/json");
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
