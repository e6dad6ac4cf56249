package be.caisse.contribution.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.AccountService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Benefit decisions → quarters exempted on the contributor account: three full months of carer leave exempt one
 * quarter (REFERENCE.md §10.4), the maternity relief the quarter after the birth. Idempotent; a decision that
 * grants nothing, or exempts nothing, changes nothing here. A revised decision lifts the exemptions it no longer
 * grants (the quarter is billed again) and applies the ones it now grants.
 */
@ApplicationScoped
public class BenefitEventsConsumer {
    static final String CONSUMER = "contribution-service/benefits";
    static final String DECIDED = "be.caisse.benefits.claim-decided.v1";
    static final String REVISED = "be.caisse.benefits.claim-revised.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    AccountService accounts;

    @Inject
    ObjectMapper json;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decided(UUID claimId, String reference, String niss, String type, String outcome, List<String> exemptedQuarters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revised(UUID claimId, String reference, String niss, String type, String outcome, List<String> exemptedQuarters,
                   List<String> liftedQuarters) {
    }

    @Incoming("benefit-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (REVISED.equals(event.type())) {
                // a revised decision: what it no longer exempts is billed again, what it now exempts is exempted
                Revised r = event.dataAs(json, Revised.class);
                if (r.niss() == null || r.reference() == null || r.exemptedQuarters() == null || r.liftedQuarters() == null) {
                    throw new IllegalArgumentException("Incomplete " + event.type() + " event");
                }
                for (String q : r.liftedQuarters()) {
                    accounts.liftExemption(r.niss(), Quarter.parse(q), "benefits:" + r.reference());
                }
                for (String q : r.exemptedQuarters()) {
                    accounts.exempt(r.niss(), Quarter.parse(q), r.type(), "benefits:" + r.reference());
                }
                return;
            }
            if (!DECIDED.equals(event.type())) {
                return;
            }
            Decided d = event.dataAs(json, Decided.class);
            if (d.niss() == null || d.outcome() == null || d.type() == null) {
                throw new IllegalArgumentException("Incomplete " + event.type() + " event");
            }
            if ("REFUSED".equals(d.outcome()) || d.exemptedQuarters() == null) {
                return;
            }
            for (String q : d.exemptedQuarters()) {
                accounts.exempt(d.niss(), Quarter.parse(q), d.type(), "benefits:" + d.reference());
            }
        });
    }
}
