package be.caisse.contribution.application;

import be.caisse.common.i18n.Text;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.contribution.domain.Allocation;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.RefundEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The member's account (compte courant): books debits and credits, tells what is open per period, and allocates
 * the money received (oldest principal first, then surcharges; the rest is refunded). Lines are only ever added.
 */
@ApplicationScoped
public class Ledger {
    static final Set<LedgerKind> DUE_KINDS = EnumSet.of(LedgerKind.CONTRIBUTION, LedgerKind.FEE, LedgerKind.REGULARISATION,
            LedgerKind.COMPANY_CONTRIBUTION, LedgerKind.REDUCTION);
    static final Set<LedgerKind> PAID_KINDS = EnumSet.of(LedgerKind.PAYMENT, LedgerKind.ALLOCATION);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    ContributionSlips slips;

    @Inject
    CareerQuarters careers;

    /**
     * Below this, an overpayment stays on the account as credit for the next debt instead of being refunded. The
     * €25 comes from a 2005 government communication (REFERENCE.md §2.12) whose current validity is not confirmed.
     */
    @ConfigProperty(name = "caisse.contribution.refund.minimum", defaultValue = "25.00")
    BigDecimal refundMinimum;

    /** @return false when a line with the same reference was booked before (nothing is booked twice) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean book(String account, String period, LedgerKind kind, LedgerComponent component, BigDecimal amount,
                        LocalDate dueDate, LocalDate bookedOn, UUID paymentId, String reference, Text description) {
        if (amount.signum() == 0) {
            return false;
        }
        @SuppressWarnings("unchecked")
        org.hibernate.query.NativeQuery<Object> insert = em.createNativeQuery("INSERT INTO ledger_entry (account, period, kind, component, amount, due_date, booked_on, "
                        + "payment_id, reference, description, created_at) VALUES (:account, :period, :kind, :component, :amount, "
                        + ":due, :booked, :payment, :reference, :description, :now) "
                        + "ON CONFLICT (account, reference) WHERE reference IS NOT NULL DO NOTHING").unwrap(org.hibernate.query.NativeQuery.class);
        return insert.setParameter("account", account).setParameter("period", period).setParameter("kind", kind.name())
                .setParameter("component", component.name()).setParameter("amount", amount)
                .setParameter("due", dueDate, LocalDate.class).setParameter("booked", bookedOn)
                .setParameter("payment", paymentId, UUID.class).setParameter("reference", reference, String.class)
                .setParameter("description", description.encode())
                .setParameter("now", OffsetDateTime.now(clock)).executeUpdate() == 1;
    }

    /** The debits of a notice: the legal contribution and the fund's fee, due on the notice's due date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bookNotice(ContributionQuarterEntity q) {
        LocalDate today = LocalDate.now(clock);
        book(q.niss, q.quarter, LedgerKind.CONTRIBUTION, LedgerComponent.PRINCIPAL, q.legalAmount, q.dueDate, today, null, null,
                Text.of("ledger.contribution", q.quarter));
        book(q.niss, q.quarter, LedgerKind.FEE, LedgerComponent.PRINCIPAL, q.fee, q.dueDate, today, null, null,
                Text.of("ledger.fee", q.quarter));
    }

    /** Where a period stands. */
    public record PeriodBalance(String period, BigDecimal due, BigDecimal paid, BigDecimal outstanding, BigDecimal surcharges,
                                BigDecimal waived, BigDecimal surchargesOutstanding, LocalDate lastDueDate) {
        public boolean settled() {
            return outstanding.signum() <= 0;
        }
    }

    private record Row(String period, LedgerComponent component, LedgerKind kind, LocalDate due, BigDecimal amount) {
    }

    private List<Row> rows(String account) {
        @SuppressWarnings("unchecked")
        List<Object[]> raw = em.createNativeQuery("SELECT period, component, kind, due_date, SUM(amount) FROM ledger_entry "
                        + "WHERE account = :a GROUP BY period, component, kind, due_date")
                .setParameter("a", account).getResultList();
        List<Row> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            rows.add(new Row((String) r[0], LedgerComponent.valueOf((String) r[1]), LedgerKind.valueOf((String) r[2]),
                    r[3] == null ? null : r[3] instanceof Date d ? d.toLocalDate() : (LocalDate) r[3], ((BigDecimal) r[4]).setScale(2)));
        }
        return rows;
    }

    /** Per period, in period order. */
    public Map<String, PeriodBalance> balances(String account) {
        return balancesOf(rows(account));
    }

    private static Map<String, PeriodBalance> balancesOf(List<Row> rows) {
        Map<String, List<Row>> byPeriod = new TreeMap<>();
        for (Row r : rows) {
            if (r.period() != null) {
                byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, PeriodBalance> result = new LinkedHashMap<>();
        byPeriod.forEach((period, rs) -> result.put(period, balanceOf(period, rs)));
        return result;
    }

    public PeriodBalance balance(String account, String period) {
        PeriodBalance b = balances(account).get(period);
        return b == null ? new PeriodBalance(period, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, null) : b;
    }

    private static PeriodBalance balanceOf(String period, List<Row> rs) {
        BigDecimal due = sum(rs, r -> r.component() == LedgerComponent.PRINCIPAL && DUE_KINDS.contains(r.kind()));
        BigDecimal paid = sum(rs, r -> r.component() == LedgerComponent.PRINCIPAL && PAID_KINDS.contains(r.kind())).negate();
        BigDecimal outstanding = sum(rs, r -> r.component() == LedgerComponent.PRINCIPAL);
        // net of the surcharges cancelled with their notice (a reduction on the surcharge component)
        BigDecimal surcharges = sum(rs, r -> r.kind() == LedgerKind.SURCHARGE
                || (r.kind() == LedgerKind.REDUCTION && r.component() == LedgerComponent.SURCHARGE));
        BigDecimal waived = sum(rs, r -> r.kind() == LedgerKind.WAIVER).negate();
        BigDecimal surchargesOutstanding = sum(rs, r -> r.component() == LedgerComponent.SURCHARGE);
        LocalDate lastDue = rs.stream().filter(r -> r.component() == LedgerComponent.PRINCIPAL && r.due() != null)
                .map(Row::due).max(Comparator.naturalOrder()).orElse(null);
        return new PeriodBalance(period, due, paid, outstanding, surcharges, waived, surchargesOutstanding, lastDue);
    }

    private static BigDecimal sum(List<Row> rs, java.util.function.Predicate<Row> filter) {
        return rs.stream().filter(filter).map(Row::amount).reduce(ZERO, BigDecimal::add);
    }

    /** The member's money not allocated to any debt (positive). */
    public BigDecimal credit(String account) {
        return creditOf(rows(account));
    }

    private static BigDecimal creditOf(List<Row> rows) {
        return rows.stream().filter(r -> r.component() == LedgerComponent.CREDIT).map(Row::amount)
                .reduce(ZERO, BigDecimal::add).negate();
    }

    /**
     * What is still open, per period, component and due date: the credits of a period pay its debits in due-date
     * order, so that a regularisation due later is not taken as older than the next quarter. Negative items are
     * periods paid too much (a regularisation in the member's favour).
     */
    private static List<Allocation.OpenItem> openItemsOf(List<Row> rows) {
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Row r : rows) {
            if (r.period() != null && r.component() != LedgerComponent.CREDIT) {
                groups.computeIfAbsent(r.period() + "|" + r.component(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Allocation.OpenItem> items = new ArrayList<>();
        groups.forEach((key, rs) -> {
            String period = rs.get(0).period();
            LedgerComponent component = rs.get(0).component();
            BigDecimal credits = rs.stream().filter(r -> r.due() == null).map(Row::amount).reduce(ZERO, BigDecimal::add).negate();
            Map<LocalDate, BigDecimal> debits = new TreeMap<>();
            rs.stream().filter(r -> r.due() != null).forEach(r -> debits.merge(r.due(), r.amount(), BigDecimal::add));
            for (Map.Entry<LocalDate, BigDecimal> d : debits.entrySet()) {
                BigDecimal used = credits.min(d.getValue()).max(ZERO);
                credits = credits.subtract(used);
                BigDecimal open = d.getValue().subtract(used);
                if (open.signum() != 0) {
                    items.add(new Allocation.OpenItem(period, component, d.getKey(), open));
                }
            }
            if (credits.signum() > 0) {
                items.add(new Allocation.OpenItem(period, component, null, credits.negate()));
            }
        });
        return items;
    }

    public record Outcome(List<Allocation.Share> shares, BigDecimal refunded, BigDecimal creditLeft, List<String> settled) {
    }

    /**
     * Books money received on the account (a payment, or nothing to re-allocate what is already there) and
     * allocates it with whatever credit the account holds: oldest principal first, then surcharges. A period paid
     * too much gives its excess back to the credit first. What is left is refunded to {@code iban} when it reaches
     * the refund minimum, or kept as credit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome receive(String account, BigDecimal amount, LocalDate date, UUID paymentId, String iban) {
        List<Row> rows = rows(account);
        Map<String, PeriodBalance> before = balancesOf(rows);
        boolean moved = false;
        for (Allocation.OpenItem i : openItemsOf(rows)) {
            if (i.outstanding().signum() < 0) {
                BigDecimal excess = i.outstanding().negate();
                book(account, i.period(), LedgerKind.ALLOCATION, i.component(), excess, null, date, null, null,
                        Text.of("ledger.excess-to-credit", i.period()));
                book(account, null, LedgerKind.ALLOCATION, LedgerComponent.CREDIT, excess.negate(), null, date, null, null,
                        Text.of("ledger.excess-to-credit", i.period()));
                moved = true;
            }
        }
        if (moved) {
            rows = rows(account);
        }
        Allocation.Result result = Allocation.allocate(amount.add(creditOf(rows)), openItemsOf(rows));
        BigDecimal fromPayment = amount;
        for (Allocation.Share s : result.shares()) {
            BigDecimal p = fromPayment.min(s.amount());
            if (p.signum() > 0) {
                book(account, s.period(), LedgerKind.PAYMENT, s.component(), p.negate(), null, date, paymentId, null,
                        Text.of(s.component() == LedgerComponent.SURCHARGE ? "ledger.payment-to-surcharges" : "ledger.payment-to", date, s.period()));
                fromPayment = fromPayment.subtract(p);
            }
            BigDecimal q = s.amount().subtract(p);
            if (q.signum() > 0) {
                book(account, s.period(), LedgerKind.ALLOCATION, s.component(), q.negate(), null, date, null, null,
                        Text.of("ledger.credit-allocated", s.period()));
                book(account, null, LedgerKind.ALLOCATION, LedgerComponent.CREDIT, q, null, date, null, null,
                        Text.of("ledger.credit-allocated", s.period()));
            }
        }
        if (fromPayment.signum() > 0) {
            book(account, null, LedgerKind.PAYMENT, LedgerComponent.CREDIT, fromPayment.negate(), null, date, paymentId, null,
                    Text.of("ledger.payment-to-credit", date));
        }
        BigDecimal left = result.remainder();
        BigDecimal refunded = ZERO;
        if (left.signum() > 0 && left.compareTo(refundMinimum) >= 0) {
            refunded = left;
            left = ZERO;
            RefundEntity r = new RefundEntity();
            r.id = UUID.randomUUID();
            r.account = account;
            r.amount = refunded;
            r.iban = iban;
            r.reason = paymentId != null ? "OVERPAYMENT" : "CREDIT";
            r.status = "ORDERED";
            r.orderedOn = LocalDate.now(clock);
            r.createdAt = OffsetDateTime.now(clock);
            r.persist();
            book(account, null, LedgerKind.REFUND, LedgerComponent.CREDIT, refunded, null, date, paymentId, "REFUND:" + r.id,
                    iban == null ? Text.of("ledger.refund") : Text.of("ledger.refund-to", iban));
            events.publish(ContributionEvents.TOPIC, ContributionEvents.REFUND_ORDERED, account, r.id.toString(),
                    new ContributionEvents.RefundOrdered(r.id, account, refunded, iban, r.reason, r.orderedOn));
        }
        Map<String, PeriodBalance> after = balances(account);
        List<String> settled = new ArrayList<>();
        after.forEach((period, b) -> {
            PeriodBalance was = before.get(period);
            if (b.settled() && b.due().signum() > 0 && (was == null || !was.settled())) {
                settled.add(period);
                events.publish(ContributionEvents.TOPIC, ContributionEvents.QUARTER_SETTLED, account, account + "/" + period,
                        new ContributionEvents.QuarterSettled(account, period, date, b.due(), b.paid()));
            }
        });
        if (paymentId != null) {
            events.publish(ContributionEvents.TOPIC, ContributionEvents.PAYMENT_ALLOCATED, account, paymentId.toString(),
                    new ContributionEvents.PaymentAllocated(paymentId, account, amount, date,
                            result.shares().stream().map(s -> new ContributionEvents.AllocatedShare(s.period(), s.component().name(), s.amount())).toList(),
                            refunded, left));
        }
        settled.stream().filter(p -> p.contains("-Q")).map(p -> Integer.parseInt(p.substring(0, 4))).distinct()
                .forEach(year -> slips.issueIfPaid(account, year));
        // a quarter settled, or no longer settled: its career status may have changed (INASTI is told)
        java.util.Set<Integer> careerYears = new java.util.TreeSet<>();
        after.forEach((period, b) -> {
            PeriodBalance was = before.get(period);
            if (period.contains("-Q") && (was == null || was.settled() != b.settled())) {
                careerYears.add(Integer.parseInt(period.substring(0, 4)));
            }
        });
        careers.refresh(account, careerYears, after);
        return new Outcome(result.shares(), refunded, left, settled);
    }
}
