package be.caisse.contribution.application;

import be.caisse.common.i18n.Text;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import be.caisse.contribution.domain.Surcharges;
import be.caisse.contribution.messaging.ContributionEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Books the surcharges (majorations) the domain's {@link Surcharges} engine says are due up to today, for every
 * quarter paid late or still unpaid: one ledger line per quarter end (3 %) and per 1 January (7 %), each booked once
 * whatever the number of runs. A quarter has one or two debts — the notice, due at the quarter's end (a starter's
 * first two quarters one quarter later), and a regularisation supplement with its own due date — and the money
 * received on the quarter pays them in that order.
 *
 * <p>A served contrainte or a summons (recovery-service's {@code case-moved}) stops them: the last one falls at the end
 * of the quarter before it. Not yet applied: the company contribution's surcharge (not confirmed, REFERENCE.md §9).
 */
@ApplicationScoped
public class SurchargeService {
    private static final Logger LOG = Logger.getLogger(SurchargeService.class);

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Scheduled(cron = "${caisse.contribution.surcharges.cron:0 45 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int booked = apply();
        if (booked > 0) {
            LOG.infof("%d surcharge(s) booked", booked);
        }
    }

    private record Debt(LocalDate due, Quarter claimed, BigDecimal legal, BigDecimal total) {
    }

    /** A regularisation supplement of the quarter: its legal part, with its fee, and the quarter it was claimed in. */
    private static final class Regularised {
        BigDecimal legal = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        Quarter claimed;
    }

    /** @return how many surcharge lines were newly booked */
    @Transactional
    public int apply() {
        // one replica at a time (the others find the lock taken and do nothing)
        if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.SURCHARGE_BOOKING)) {
            return 0;
        }
        return book(null);
    }

    /**
     * The surcharges of one account, at once (quarters billed late by a registration or a correction are past due
     * already: the engine decides from their legal due dates). Booked once, as the nightly pass would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int applyTo(String niss) {
        return book(niss);
    }

    private int book(String niss) {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("SELECT q.niss, q.quarter, q.due_date, q.legal_amount, q.fee, a.liable_from, "
                        + "a.late_registration FROM contribution_quarter q JOIN contribution_account a ON a.niss = q.niss "
                        + "JOIN ledger_entry l ON l.account = q.niss AND l.period = q.quarter AND l.component = 'PRINCIPAL' "
                        + "WHERE q.due_date < :today AND q.cancelled_at IS NULL AND (CAST(:niss AS varchar) IS NULL OR q.niss = :niss) "
                        + "GROUP BY q.id, a.liable_from, a.late_registration "
                        + "HAVING SUM(l.amount) > 0 OR MAX(l.booked_on) FILTER (WHERE l.due_date IS NULL) > q.due_date")
                .setParameter("today", today).setParameter("niss", niss).getResultList();
        int booked = 0;
        for (Object[] c : candidates) {
            booked += applyTo((String) c[0], Quarter.parse((String) c[1]), date(c[2]), (BigDecimal) c[3], (BigDecimal) c[4], date(c[5]),
                    Boolean.TRUE.equals(c[6]), today);
        }
        return booked;
    }

    private int applyTo(String niss, Quarter quarter, LocalDate noticeDue, BigDecimal legal, BigDecimal fee, LocalDate liableFrom,
                        boolean lateRegistration, LocalDate today) {
        // a starter affiliated on time may pay his first two quarters until the end of the following quarter
        // (REFERENCE.md §2.5, §7.4); one registered late has no such grace
        Quarter first = Quarter.of(liableFrom);
        boolean grace = !lateRegistration && (quarter.equals(first) || quarter.equals(first.next()));
        LocalDate due = grace ? quarter.next().lastDay() : noticeDue;
        List<Debt> debts = new ArrayList<>();
        debts.add(new Debt(due, quarter, legal, legal.add(fee)));
        Map<LocalDate, Regularised> regularisations = new TreeMap<>();
        List<Surcharges.PrincipalPayment> credits = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("SELECT kind, amount, due_date, booked_on FROM ledger_entry "
                        + "WHERE account = :a AND period = :p AND component = 'PRINCIPAL' ORDER BY booked_on, id")
                .setParameter("a", niss).setParameter("p", quarter.toString()).getResultList();
        for (Object[] l : lines) {
            String kind = (String) l[0];
            BigDecimal amount = (BigDecimal) l[1];
            LocalDate dueDate = l[2] == null ? null : date(l[2]);
            if (dueDate == null) {
                credits.add(new Surcharges.PrincipalPayment(date(l[3]), amount.negate()));
            } else if (!dueDate.equals(noticeDue) || (!"CONTRIBUTION".equals(kind) && !"FEE".equals(kind))) {
                Regularised r = regularisations.computeIfAbsent(dueDate, d -> new Regularised());
                if ("REGULARISATION".equals(kind)) {
                    r.legal = r.legal.add(amount);
                }
                r.total = r.total.add(amount);
                r.claimed = Quarter.of(date(l[3]));
            }
        }
        regularisations.forEach((d, r) -> {
            if (r.total.signum() > 0) {
                debts.add(new Debt(d, r.claimed, r.legal.max(BigDecimal.ZERO), r.total));
            }
        });
        // each cancellation of the notice took its surcharges with it: billed again, they are booked anew
        long cancellations = ((Number) em.createNativeQuery("SELECT count(*) FROM ledger_entry WHERE account = :a AND reference LIKE :r")
                .setParameter("a", niss).setParameter("r", "CANCEL:" + quarter + ":r%").getSingleResult()).longValue();
        String generation = cancellations == 0 ? "" : ":g" + cancellations;
        // a served contrainte or a summons for the quarter: nothing after the end of the quarter before it. Locked
        // with the account: a stop recorded at this moment waits for these bookings and then cancels them.
        AdvisoryLocks.lockAccount(em, niss);
        @SuppressWarnings("unchecked")
        List<Object> stop = em.createNativeQuery("SELECT last_surcharge FROM surcharge_stop WHERE account = :a AND period = :p")
                .setParameter("a", niss).setParameter("p", quarter.toString()).getResultList();
        LocalDate lastSurcharge = stop.isEmpty() ? null : date(stop.get(0));
        int booked = 0;
        BigDecimal before = BigDecimal.ZERO;
        for (Debt debt : debts) {
            List<Surcharges.PrincipalPayment> payments = new ArrayList<>();
            BigDecimal cumulative = BigDecimal.ZERO;
            BigDecimal paidToDebt = BigDecimal.ZERO;
            for (Surcharges.PrincipalPayment credit : credits) {
                cumulative = cumulative.add(credit.amount());
                BigDecimal nowPaid = cumulative.subtract(before).max(BigDecimal.ZERO).min(debt.total());
                if (nowPaid.compareTo(paidToDebt) > 0) {
                    payments.add(new Surcharges.PrincipalPayment(credit.creditDate(), nowPaid.subtract(paidToDebt)));
                    paidToDebt = nowPaid;
                }
            }
            for (Surcharges.Surcharge s : Surcharges.due(debt.claimed(), debt.due(), debt.legal(), payments, today, lastSurcharge)) {
                String reference = "SUR:" + quarter + ":" + debt.due() + ":" + s.kind() + ":" + s.date() + generation;
                Text what = Text.of(s.kind() == Surcharges.Kind.QUARTERLY ? "ledger.surcharge-quarter" : "ledger.surcharge-year-end",
                        s.date(), s.base(), quarter.toString(),
                        debt.due().equals(due) ? "" : Text.of("ledger.surcharge-regularisation", debt.due()));
                if (ledger.book(niss, quarter.toString(), LedgerKind.SURCHARGE, LedgerComponent.SURCHARGE, s.amount(), s.date(),
                        s.date(), null, reference, what)) {
                    booked++;
                    events.publish(ContributionEvents.TOPIC, ContributionEvents.SURCHARGE_APPLIED, niss, niss + "/" + quarter,
                            new ContributionEvents.SurchargeApplied(niss, quarter.toString(), s.date(), s.kind().name(), s.base(),
                                    s.rate(), s.amount()));
                }
            }
            before = before.add(debt.total());
        }
        return booked;
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
