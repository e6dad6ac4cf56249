package be.caisse.benefits.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Contribution events → the quarters whose contributions are paid (the condition of every benefit on the quarters
 * before the fact). A quarter billed again after a correction (a notice issued again) is no longer counted as paid
 * until it is settled again.
 */
@ApplicationScoped
public class ContributionEventsConsumer {
    static final String CONSUMER = "benefits-service/contributions";
    static final String SETTLED = "be.caisse.contribution.quarter-settled.v1";
    static final String ISSUED = "be.caisse.contribution.notice-issued.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settled(String account, String period, LocalDate settledOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Issued(String niss, String quarter) {
    }

    @Incoming("contribution-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (SETTLED.equals(event.type())) {
                Settled s = event.dataAs(json, Settled.class);
                if (s.account() == null || s.period() == null || s.settledOn() == null) {
                    throw new IllegalArgumentException("Incomplete " + event.type() + " event");
                }
                if (s.account().length() == 11 && s.period().matches("[0-9]{4}-Q[1-4]")) {
                    em.createNativeQuery("INSERT INTO paid_quarter (niss, quarter, settled_on) VALUES (:n, :q, :d) "
                                    + "ON CONFLICT (niss, quarter) DO UPDATE SET settled_on = EXCLUDED.settled_on")
                            .setParameter("n", s.account()).setParameter("q", s.period()).setParameter("d", s.settledOn()).executeUpdate();
                }
            } else if (ISSUED.equals(event.type())) {
                Issued i = event.dataAs(json, Issued.class);
                if (i.niss() != null && i.quarter() != null) {
                    em.createNativeQuery("DELETE FROM paid_quarter WHERE niss = :n AND quarter = :q")
                            .setParameter("n", i.niss()).setParameter("q", i.quarter()).executeUpdate();
                }
            }
        });
    }
}
