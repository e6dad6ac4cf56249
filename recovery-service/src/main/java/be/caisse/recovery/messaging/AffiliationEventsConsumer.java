package be.caisse.recovery.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.projection.AffiliationProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Affiliation events → what recovery-service knows of each affiliation, and a cessation for bankruptcy suspends the
 * debtor's open case; idempotent, unreadable messages to the dead-letter topic.
 */
@ApplicationScoped
public class AffiliationEventsConsumer {
    static final String CONSUMER = "recovery-service";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AffiliationProjection projection;

    @Inject
    be.caisse.common.projection.PersonProjection persons;

    @Inject
    be.caisse.recovery.application.RecoveryService recovery;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Ceased(String niss, java.time.LocalDate date, String reason) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyCeased(String enterpriseNumber, java.time.LocalDate date, String reason) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Mandate(java.util.UUID mandateId, String enterpriseNumber, String niss, String role, java.time.LocalDate startDate,
                   java.time.LocalDate endDate) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Help(java.util.UUID linkId, String helperNiss, String helpedNiss, java.time.LocalDate startDate, java.time.LocalDate endDate) {
    }

    @Incoming("affiliation-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            projection.apply(event);
            persons.apply(event);
            switch (event.type() == null ? "" : event.type()) {
                // the company answers for its director's contributions, the helped for the helper's (REFERENCE.md §5.4)
                case "be.caisse.affiliation.mandate-started.v1" -> {
                    Mandate m = event.dataAs(json, Mandate.class);
                    recovery.link(m.mandateId(), "MANDATE", m.niss(), m.enterpriseNumber(), m.role(), m.startDate());
                }
                case "be.caisse.affiliation.mandate-ended.v1" -> {
                    Mandate m = event.dataAs(json, Mandate.class);
                    recovery.unlink(m.mandateId(), m.endDate());
                }
                case "be.caisse.affiliation.helper-linked.v1" -> {
                    Help h = event.dataAs(json, Help.class);
                    recovery.link(h.linkId(), "HELPER", h.helperNiss(), h.helpedNiss(), null, h.startDate());
                }
                case "be.caisse.affiliation.helper-unlinked.v1" -> {
                    Help h = event.dataAs(json, Help.class);
                    recovery.unlink(h.linkId(), h.endDate());
                }
                default -> {
                    // the projections above are enough
                }
            }
            if ("be.caisse.affiliation.company-ceased.v1".equals(event.type())) {
                // the company's bankruptcy suspends the enforcement of its own case
                CompanyCeased c = event.dataAs(json, CompanyCeased.class);
                if ("BANKRUPTCY".equals(c.reason()) && c.enterpriseNumber() != null && c.date() != null) {
                    recovery.bankruptcy(c.enterpriseNumber(), c.date());
                }
            }
            if ("be.caisse.affiliation.ceased.v1".equals(event.type())) {
                // a bankruptcy suspends the enforcement of the debtor's open case (REFERENCE.md §5.5)
                Ceased c = event.dataAs(json, Ceased.class);
                if ("BANKRUPTCY".equals(c.reason()) && c.niss() != null && c.date() != null) {
                    recovery.bankruptcy(c.niss(), c.date());
                }
            }
        });
    }
}
