package be.caisse.affiliation.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import be.caisse.common.outbox.OutboxEvent;
import be.caisse.testsupport.KafkaTestResource;
import be.caisse.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves behind — outbox rows committed but never acknowledged by Kafka — is published on the next
 * relay pass, in order for one aggregate, and only then moved from the outbox to the published log. (Test resources: see AffiliationResourceTest.)
 */
@QuarkusTest
class OutboxRelayTest {

    @Test
    void pendingRowsArePublishedInOrderAndMarkedSent() {
        String aggregate = "relay-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 5; i++) {
                OutboxEvent e = new OutboxEvent();
                e.eventId = UUID.randomUUID();
                e.topic = "caisse.affiliation.test-relay";
                e.eventType = "be.caisse.test.relayed.v1";
                e.source = "/caisse/test";
                e.aggregateId = aggregate;
                e.subject = aggregate;
                e.occurredAt = OffsetDateTime.now();
                e.payload = "{\"n\":" + i + "}";
                e.persist();
                ids.add(e.eventId);
            }
        });
        List<String> seen = new ArrayList<>();
        TopicReader.awaitEvent(KafkaTestResource.bootstrapServers(), "caisse.affiliation.test-relay", Duration.ofSeconds(30), ev -> {
            if (aggregate.equals(ev.key())) {
                seen.add(ev.header("ce_id"));
            }
            return seen.size() == ids.size();
        });
        assertEquals(ids.stream().map(UUID::toString).toList(), seen, "one aggregate's events keep their order");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : ids) {
                assertNull(OutboxEvent.find("eventId", id).firstResult(), "out of the outbox after the broker's acknowledgement");
                Object publishedAt = OutboxEvent.getEntityManager().createNativeQuery(
                        "SELECT published_at FROM outbox_published WHERE event_id = :id").setParameter("id", id).getSingleResult();
                assertNotNull(publishedAt, "and in the log of what was published");
            }
        }));
    }
}
