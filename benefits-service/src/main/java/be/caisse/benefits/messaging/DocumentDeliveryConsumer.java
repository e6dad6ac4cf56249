package be.caisse.benefits.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.documents.DeliveryConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** affiliation-service e-mailed one of this service's documents: its date sent is recorded on it. */
@ApplicationScoped
public class DocumentDeliveryConsumer {
    static final String CONSUMER = "benefits-service/documents";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    DeliveryConsumer delivery;

    @Incoming("affiliation-documents")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, delivery::apply);
    }
}
