package be.caisse.contribution.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.domain.ContributorCategory;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Affiliation events → contributor accounts. Idempotent: the event id is recorded with the account in one
 * transaction. A message that cannot be read goes to the dead-letter topic and the stream goes on.
 */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "contribution-service";
    static final String REGISTERED = "be.caisse.affiliation.registered.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AccountService accounts;

    @Inject
    ObjectMapper json;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(UUID affiliationId, String niss, ContributorCategory category, LocalDate liableFrom) {
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (REGISTERED.equals(event.type())) {
                Registered e = event.dataAs(json, Registered.class);
                if (e.niss() == null || e.category() == null || e.liableFrom() == null || e.affiliationId() == null) {
                    throw new IllegalArgumentException("Incomplete " + event.type() + " event");
                }
                accounts.open(new AccountService.NewAffiliation(e.affiliationId(), e.niss(), e.category(), e.liableFrom()));
            }
            // Other affiliation events are recorded as seen; their effects come with the contribution domain.
        });
    }
}
