package be.caisse.recovery.messaging;

import be.caisse.recovery.persistence.DebtorEntity;
import be.caisse.common.inbox.IdempotentConsumer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Affiliation events → what recovery-service knows of each affiliation; idempotent, unreadable messages to the dead-letter topic. */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "recovery-service";
    static final String REGISTERED = "be.caisse.affiliation.registered.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(UUID affiliationId, String niss, String category, LocalDate liableFrom) {
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (!REGISTERED.equals(event.type())) {
                return;
            }
            Registered e = event.dataAs(json, Registered.class);
            if (e.niss() == null || e.affiliationId() == null || e.category() == null || e.liableFrom() == null) {
                throw new IllegalArgumentException("Incomplete " + event.type() + " event " + event.id());
            }
            DebtorEntity known = DebtorEntity.findById(e.niss());
            if (known == null) {
                known = new DebtorEntity();
                known.niss = e.niss();
            }
            known.affiliationId = e.affiliationId();
            known.category = e.category();
            known.liableFrom = e.liableFrom();
            known.lastEventType = event.type();
            known.updatedAt = OffsetDateTime.now(clock);
            known.persist();
        });
    }
}
