package be.caisse.contribution.messaging;

import be.caisse.common.inbox.IdempotentConsumer;
import be.caisse.common.time.Quarter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * recovery-service's moves → where the surcharges stop (REFERENCE.md §2.9): a contrainte served or a summons issued
 * for the quarters of a case makes the end of the quarter before that date their last surcharge. Idempotent; the
 * earliest step wins. A payment plan granted announces its instalments' structured communications: the statements'
 * payments with one are the debtor's.
 */
@ApplicationScoped
public class RecoveryEventsConsumer {
    static final String CONSUMER = "contribution-service/recovery";
    static final String MOVED = "be.caisse.recovery.case-moved.v1";
    static final String PLAN = "be.caisse.recovery.plan-changed.v1";

    @Inject
    IdempotentConsumer inbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    be.caisse.contribution.application.PaymentImportService payments;

    @Inject
    be.caisse.contribution.application.Ledger ledger;

    @Inject
    be.caisse.common.outbox.EventPublisher events;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Moved(String reference, String debtor, String to, LocalDate on, List<String> periods) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Instalment(int number, String structuredCommunication) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanChanged(String reference, String debtor, String status, List<Instalment> instalments, List<String> periods) {
    }

    @Incoming("recovery-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (PLAN.equals(event.type())) {
                PlanChanged p = event.dataAs(json, PlanChanged.class);
                if (p.debtor() == null || p.status() == null) {
                    throw new IllegalArgumentException("Incomplete " + event.type() + " event");
                }
                if (!"APPROVED".equals(p.status()) || p.instalments() == null || p.periods() == null || p.periods().isEmpty()) {
                    return;
                }
                be.caisse.common.persistence.AdvisoryLocks.lockCommunications(em,
                        p.instalments().stream().map(Instalment::structuredCommunication).toList());
                for (Instalment i : p.instalments()) {
                    em.createNativeQuery("INSERT INTO plan_communication (structured_communication, account, period, case_reference, "
                                    + "instalment, recorded_at) VALUES (:s, :a, :p, :r, :n, :at) ON CONFLICT DO NOTHING")
                            .setParameter("s", i.structuredCommunication()).setParameter("a", p.debtor()).setParameter("p", p.periods().get(0))
                            .setParameter("r", p.reference()).setParameter("n", i.number()).setParameter("at", OffsetDateTime.now(clock))
                            .executeUpdate();
                    payments.rematch(i.structuredCommunication()); // paid before the plan reached us: not left in suspense
                }
                return;
            }
            if (!MOVED.equals(event.type())) {
                return;
            }
            Moved m = event.dataAs(json, Moved.class);
            if (m.debtor() == null || m.to() == null || m.on() == null) {
                throw new IllegalArgumentException("Incomplete " + event.type() + " event");
            }
            if (m.reference() != null) {
                // every move, for INASTI's statistics (which cases were open at the end of a quarter, on which periods)
                em.createNativeQuery("INSERT INTO recovery_case_move (reference, account, state, moved_on, periods, recorded_at) "
                                + "VALUES (:r, :a, :s, :on, :p, :at)")
                        .setParameter("r", m.reference()).setParameter("a", m.debtor()).setParameter("s", m.to()).setParameter("on", m.on())
                        .setParameter("p", m.periods() == null ? "" : String.join(",", m.periods()))
                        .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
            }
            if (!"CONTRAINTE_SERVED".equals(m.to()) && !"SUMMONED".equals(m.to()) || m.periods() == null) {
                return;
            }
            LocalDate last = Quarter.of(m.on()).previous().lastDay();
            // a surcharge pass booking this account now: wait for it, so that what it books after the stop is cancelled
            be.caisse.common.persistence.AdvisoryLocks.lockAccount(em, m.debtor());
            for (String period : m.periods()) {
                em.createNativeQuery("INSERT INTO surcharge_stop (account, period, last_surcharge, step, step_on, case_reference, recorded_at) "
                                + "VALUES (:a, :p, :l, :s, :on, :r, :at) ON CONFLICT (account, period) DO UPDATE SET last_surcharge = "
                                + "LEAST(surcharge_stop.last_surcharge, EXCLUDED.last_surcharge)")
                        .setParameter("a", m.debtor()).setParameter("p", period).setParameter("l", last).setParameter("s", m.to())
                        .setParameter("on", m.on()).setParameter("r", m.reference()).setParameter("at", OffsetDateTime.now(clock))
                        .executeUpdate();
                cancelBookedAfter(m.debtor(), period, m.reference());
            }
        });
    }

    /**
     * The service of a contrainte is often recorded after the quarter end that followed it: the surcharges booked
     * after the stop are cancelled (a credit on the surcharges; what was paid of them comes back as credit), once.
     */
    private void cancelBookedAfter(String account, String period, String caseReference) {
        Object stored = em.createNativeQuery("SELECT last_surcharge FROM surcharge_stop WHERE account = :a AND period = :p")
                .setParameter("a", account).setParameter("p", period).getSingleResult();
        LocalDate last = stored instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) stored;
        java.math.BigDecimal after = (java.math.BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry "
                        + "WHERE account = :a AND period = :p AND component = 'SURCHARGE' AND (kind = 'SURCHARGE' AND booked_on > :l "
                        + "OR reference LIKE :stop)")
                .setParameter("a", account).setParameter("p", period).setParameter("l", last).setParameter("stop", "STOP:" + period + ":%")
                .getSingleResult();
        if (after.signum() <= 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (ledger.book(account, period, be.caisse.contribution.domain.LedgerKind.WAIVER, be.caisse.contribution.domain.LedgerComponent.SURCHARGE,
                after.negate(), null, today, null, "STOP:" + period + ":" + caseReference + ":" + last,
                be.caisse.common.i18n.Text.of("ledger.surcharges-stopped", period, last))) {
            ledger.receive(account, java.math.BigDecimal.ZERO.setScale(2), today, null, null);
            events.publish(ContributionEvents.TOPIC, ContributionEvents.SURCHARGE_CANCELLED, account, account + "/" + period + "/stop",
                    new ContributionEvents.SurchargeCancelled(account, period, last, after, "JUDICIAL_STEP", caseReference));
        }
    }
}
