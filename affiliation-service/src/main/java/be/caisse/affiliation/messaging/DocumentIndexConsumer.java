package be.caisse.affiliation.messaging;

import be.caisse.affiliation.application.DocumentIndex;
import be.caisse.common.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The four services' documents topics feed the member's list of documents (one consumer name per topic). */
@ApplicationScoped
public class DocumentIndexConsumer {
    @Inject
    IdempotentConsumer inbox;

    @Inject
    DocumentIndex index;

    @Incoming("affiliation-documents")
    @Blocking
    public void ownDocuments(ConsumerRecord<String, String> record) {
        inbox.handle("affiliation-service/documents-affiliation", record, index::apply);
    }

    @Incoming("contribution-documents")
    @Blocking
    public void contributionDocuments(ConsumerRecord<String, String> record) {
        inbox.handle("affiliation-service/documents-contribution", record, index::apply);
    }

    @Incoming("benefits-documents")
    @Blocking
    public void benefitsDocuments(ConsumerRecord<String, String> record) {
        inbox.handle("affiliation-service/documents-benefits", record, index::apply);
    }

    @Incoming("recovery-documents")
    @Blocking
    public void recoveryDocuments(ConsumerRecord<String, String> record) {
        inbox.handle("affiliation-service/documents-recovery", record, index::apply);
    }
}
