package be.caisse.recovery.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.recovery.application.RecoveryService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * contribution-service's account events → the debt of the recovery cases: an overdue quarter opens (or joins) the
 * debtor's case (a company's unpaid contribution the company's), a surcharge adds to it, a payment's imputation lowers
 * it, a cancelled notice removes its items.
 * Idempotent (each event once); an event it cannot read goes to the dead-letter topic.
 */
@ApplicationScoped
public class ContributionEventsConsumer {
    static final String CONSUMER = "recovery-service/contributions";
    static final String PREFIX = "be.caisse.contribution.";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    RecoveryService recovery;

    @Inject
    ObjectMapper json;

    @Inject
    be.caisse.recovery.application.PlanService plans;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Received(String niss, BigDecimal amount, String structuredCommunication) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overdue(String niss, String quarter, BigDecimal outstanding, Integer startYear, Boolean reducible) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyContribution(String enterpriseNumber, Integer year, BigDecimal outstanding) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Surcharge(String account, String period, BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Allocated(String account, java.time.LocalDate valueDate, List<RecoveryService.Allocation> allocations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(String niss, String quarter) {
    }

    @Incoming("contribution-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            String type = event.type() == null ? "" : event.type();
            switch (type) {
                case PREFIX + "overdue.v1" -> {
                    Overdue o = event.dataAs(json, Overdue.class);
                    require(o.niss() != null && o.quarter() != null && o.outstanding() != null, type);
                    recovery.overdue(o.niss(), o.quarter(), o.outstanding(), o.startYear(), Boolean.TRUE.equals(o.reducible()));
                }
                case PREFIX + "company-contribution-overdue.v1" -> {
                    // the company's own case (its directors answer for it through their mandates)
                    CompanyContribution k = event.dataAs(json, CompanyContribution.class);
                    require(k.enterpriseNumber() != null && k.year() != null && k.outstanding() != null, type);
                    recovery.overdue(k.enterpriseNumber(), String.valueOf(k.year()), k.outstanding());
                }
                case PREFIX + "company-contribution-cancelled.v1" -> {
                    CompanyContribution k = event.dataAs(json, CompanyContribution.class);
                    require(k.enterpriseNumber() != null && k.year() != null, type);
                    recovery.cancelled(k.enterpriseNumber(), String.valueOf(k.year()));
                }
                case PREFIX + "surcharge-applied.v1" -> {
                    Surcharge s = event.dataAs(json, Surcharge.class);
                    require(s.account() != null && s.period() != null && s.amount() != null, type);
                    recovery.surcharge(s.account(), s.period(), s.amount());
                }
                case PREFIX + "payment-allocated.v1" -> {
                    Allocated a = event.dataAs(json, Allocated.class);
                    require(a.account() != null && a.allocations() != null, type);
                    recovery.allocated(a.account(), a.valueDate(), a.allocations());
                }
                case PREFIX + "notice-cancelled.v1" -> {
                    Cancelled c = event.dataAs(json, Cancelled.class);
                    require(c.niss() != null && c.quarter() != null, type);
                    recovery.cancelled(c.niss(), c.quarter());
                }
                case PREFIX + "surcharge-cancelled.v1" -> {
                    Surcharge s = event.dataAs(json, Surcharge.class);
                    require(s.account() != null && s.period() != null && s.amount() != null, type);
                    recovery.surchargeCancelled(s.account(), s.period(), s.amount());
                }
                case PREFIX + "payment-received.v1" -> {
                    // an instalment's communication marks it paid; the debt itself falls with the imputation
                    Received r = event.dataAs(json, Received.class);
                    require(r.amount() != null && r.structuredCommunication() != null, type);
                    plans.received(be.caisse.common.identifiers.StructuredCommunication.parse(r.structuredCommunication()).digits(), r.amount());
                }
                default -> {
                    // the other account events do not change a debt being recovered
                }
            }
        });
    }

    private static void require(boolean ok, String type) {
        if (!ok) {
            throw new IllegalArgumentException("Incomplete " + type + " event");
        }
    }
}
