package be.caisse.documents;

import be.caisse.common.inbox.InboundEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records on the service's own documents that affiliation-service e-mailed them ({@code document-delivered} with
 * channel EMAIL, on {@code caisse.affiliation.documents}). Run it inside the idempotent consumer.
 */
@ApplicationScoped
public class DeliveryConsumer {
    @Inject
    ObjectMapper json;

    @Inject
    DocumentArchive archive;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(UUID documentId, String owner, String channel, OffsetDateTime sentAt, UUID printBatchId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        if (!DocumentEvents.DELIVERED.equals(event.type())) {
            return;
        }
        Data d = event.dataAs(json, Data.class);
        if (archive.owner().equals(d.owner()) && d.documentId() != null && d.sentAt() != null) {
            archive.markSent(d.documentId(), d.sentAt(), d.printBatchId());
        }
    }
}
