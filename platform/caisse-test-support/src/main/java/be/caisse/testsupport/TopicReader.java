package be.caisse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics of a real broker in test assertions. */
public final class TopicReader {
    private TopicReader() {
    }

    /** A record as the tests see it: key, value and the headers as text. */
    public record Event(String topic, String key, String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Reads the topic from the beginning until a record matches, or fails after the timeout. */
    public static Event awaitEvent(String bootstrap, String topic, Duration timeout, Predicate<Event> match) {
        List<Event> seen = new ArrayList<>();
        Properties props = as(be.caisse.stack.KafkaAccess.ADMIN);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    Map<String, String> headers = new HashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
                    Event e = new Event(r.topic(), r.key(), r.value(), headers);
                    seen.add(e);
                    if (match.test(e)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("No matching event on " + topic + " within " + timeout.toSeconds() + " s; seen: " + seen);
    }

    /** Every record on the topic now, from the beginning to the end offsets of its partitions. */
    public static List<Event> all(String bootstrap, String topic) {
        Properties props = as(be.caisse.stack.KafkaAccess.ADMIN);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    Map<String, String> headers = new HashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)));
                    events.add(new Event(r.topic(), r.key(), r.value(), headers));
                }
            }
        }
        return events;
    }

    /** Sends one record with the given headers and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, String value, Map<String, String> headers) {
        Properties props = as(be.caisse.stack.KafkaAccess.ADMIN);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the test record", e);
        }
    }

    /**
     * A client's settings as one of the broker's users ({@link be.caisse.stack.KafkaAccess}): the tests read and
     * write as {@code admin}, a super user, unless they test what another identity may do.
     */
    public static Properties as(String user) {
        Properties props = new Properties();
        props.putAll(be.caisse.stack.KafkaAccess.clientConfig(user));
        return props;
    }

    static void awaitBroker(String bootstrap, Duration timeout, Process process) throws InterruptedException {
        Properties props = as(be.caisse.stack.KafkaAccess.ADMIN);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue());
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get();
                return;
            } catch (Exception e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout.toSeconds() + " s");
    }
}
