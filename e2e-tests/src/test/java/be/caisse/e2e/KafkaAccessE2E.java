package be.caisse.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.stack.KafkaAccess;
import be.caisse.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §1: the stack's broker lets in only who belongs, tried with real Kafka clients. A mutuality (Solidaris,
 * 300) reads its own partner topic and is refused another mutuality's, the affiliation events (names, NISS,
 * addresses) and the access trail; a client without
 * credentials, or with a wrong password, gets nothing; a service cannot write another service's topic; a partner
 * cannot write at all.
 */
@ExtendWith(StackExtension.class)
@Order(11)
class KafkaAccessE2E {
    /** Solidaris (300) reads caisse.partner.300.*; the Christian mutuality's topic (100) is not its business. */
    static final String PARTNER = "mutuality-300";
    static final String PARTNER_TOPIC = "caisse.partner.300.events";
    static final String OTHER_PARTNER_TOPIC = "caisse.partner.100.events";

    static String bootstrap() {
        return StackExtension.config().kafkaBootstrap();
    }

    static Properties client(String user) {
        Properties p = TopicReader.as(user);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return p;
    }

    static KafkaConsumer<String, String> consumer(Properties p, String group) {
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    static KafkaProducer<String, String> producer(Properties p) {
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** An authorisation error somewhere in the chain of causes. */
    static boolean refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void thePartnerReadsItsTopicAndNothingElse() throws Exception {
        String marker = "access-test-" + UUID.randomUUID();
        TopicReader.send(bootstrap(), PARTNER_TOPIC, marker, "{\"marker\":\"" + marker + "\"}",
                Map.of("ce_type", "be.caisse.partner.access-test.v1", "ce_id", marker, "ce_specversion", "1.0",
                        "ce_source", "/caisse/e2e"));
        try (KafkaConsumer<String, String> partner = consumer(client(PARTNER), "mutuality-300-e2e")) {
            List<TopicPartition> partitions = partner.partitionsFor(PARTNER_TOPIC).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            partner.assign(partitions);
            partner.seekToBeginning(partitions);
            boolean seen = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : partner.poll(Duration.ofMillis(500))) {
                    seen |= marker.equals(r.key());
                }
            }
            assertTrue(seen, "the partner reads its partner topic");
        }
        for (String forbidden : List.of("caisse.affiliation.events", OTHER_PARTNER_TOPIC, "caisse.affiliation.access")) {
            try (KafkaConsumer<String, String> partner = consumer(client(PARTNER), "mutuality-300-e2e")) {
                partner.assign(List.of(new TopicPartition(forbidden, 0)));
                partner.seekToBeginning(List.of(new TopicPartition(forbidden, 0)));
                AuthorizationException refused = assertThrows(AuthorizationException.class, () -> partner.poll(Duration.ofSeconds(5)));
                assertTrue(refused.getMessage().contains(forbidden), refused.getMessage());
            }
        }
        try (KafkaProducer<String, String> partner = producer(client(PARTNER))) {
            // refused when the producer asks for its id, or when it writes: either way an authorisation error
            Exception e = assertThrows(Exception.class, () -> partner.send(new ProducerRecord<>(PARTNER_TOPIC, "k", "{}")).get());
            assertTrue(refusal(e), "a partner only reads: " + e);
        }
    }

    @Test
    void inastiReadsTheAuthorityTopicOnly() throws Exception {
        try (KafkaConsumer<String, String> inasti = consumer(client(KafkaAccess.INASTI), "inasti-e2e")) {
            List<TopicPartition> partitions = inasti.partitionsFor("caisse.authority.inasti.events").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            inasti.assign(partitions);
            inasti.seekToBeginning(partitions);
            inasti.poll(Duration.ofSeconds(2)); // allowed: no authorisation error
        }
        for (String forbidden : List.of(PARTNER_TOPIC, "caisse.contribution.events")) {
            try (KafkaConsumer<String, String> inasti = consumer(client(KafkaAccess.INASTI), "inasti-e2e")) {
                inasti.assign(List.of(new TopicPartition(forbidden, 0)));
                inasti.seekToBeginning(List.of(new TopicPartition(forbidden, 0)));
                assertThrows(AuthorizationException.class, () -> inasti.poll(Duration.ofSeconds(5)), forbidden);
            }
        }
    }

    @Test
    void aServiceWritesItsOwnTopicsOnly() throws Exception {
        try (KafkaProducer<String, String> benefits = producer(client("benefits-service"))) {
            // its own dead-letter topic: allowed (nobody consumes it but an operator)
            benefits.send(new ProducerRecord<>("caisse.benefits-service.dlq", "access-test", "{}")).get();
            Exception e = assertThrows(Exception.class, () -> benefits.send(
                    new ProducerRecord<>("caisse.affiliation.events", "85071412330", "{\"forged\":true}")).get());
            assertTrue(refusal(e), "another service's topic: " + e);
        }
        try (KafkaConsumer<String, String> recovery = consumer(client("recovery-service"), "recovery-service-e2e")) {
            // recovery-service reads the affiliation events, not benefits-service's
            TopicPartition benefitEvents = new TopicPartition("caisse.benefits.events", 0);
            recovery.assign(List.of(benefitEvents));
            recovery.seekToBeginning(List.of(benefitEvents));
            assertThrows(AuthorizationException.class, () -> recovery.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void nobodyGetsInWithoutTheRightCredentials() {
        Properties wrong = client(PARTNER);
        wrong.put("sasl.jaas.config", KafkaAccess.jaas(PARTNER, "not-the-password"));
        wrong.put("default.api.timeout.ms", "10000");
        wrong.put("request.timeout.ms", "8000");
        try (Admin admin = Admin.create(wrong)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get());
            assertTrue(e.getCause() instanceof SaslAuthenticationException, String.valueOf(e.getCause()));
        }
        // no credentials at all: the broker speaks only SASL, the client never gets an answer
        Properties none = new Properties();
        none.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        none.put("default.api.timeout.ms", "5000");
        none.put("request.timeout.ms", "4000");
        try (Admin admin = Admin.create(none)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.listTopics().names().get());
            assertEquals(org.apache.kafka.common.errors.TimeoutException.class, e.getCause().getClass(), String.valueOf(e.getCause()));
        }
        try (KafkaConsumer<String, String> anonymous = consumer(none, "anyone")) {
            anonymous.assign(List.of(new TopicPartition("caisse.affiliation.events", 0)));
            assertEquals(0, anonymous.poll(Duration.ofSeconds(3)).count(), "nothing for a client without credentials");
        }
    }
}
