package be.caisse.recovery.application;

import be.caisse.common.identifiers.Uuids;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import be.caisse.common.problem.DomainProblem;
import be.caisse.recovery.domain.CaseState;
import be.caisse.recovery.domain.PersonalContact;
import be.caisse.recovery.domain.RecoveryPath;
import be.caisse.recovery.persistence.RecoveryCaseEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Recovery cases: opened by the first overdue quarter of a debtor, their debt kept in step with contribution-service's
 * events, moved along the legal path by the daily pass (reminders, the registered last reminder and its window) and
 * by agents (personal contact, contestation, contrainte and its service, opposition, summons). A judicial step is
 * refused, with the reasons, until the personal contact the charter promises is recorded. Every move is kept and
 * published ({@code case-moved}).
 */
@ApplicationScoped
public class RecoveryService {
    private static final Logger LOG = Logger.getLogger(RecoveryService.class);
    public static final String TOPIC = "caisse.recovery.events";
    public static final String MOVED = "be.caisse.recovery.case-moved.v1";
    public static final String SYSTEM = "system:recovery";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    PlanService plans;

    @ConfigProperty(name = "caisse.recovery.reminder-days", defaultValue = "15")
    int reminderDays;

    @ConfigProperty(name = "caisse.recovery.second-reminder-days", defaultValue = "30")
    int secondReminderDays;

    @ConfigProperty(name = "caisse.recovery.last-reminder-days", defaultValue = "30")
    int lastReminderDays;

    /** Below this, a debt may be written off (not found in the sources: a parameter). */
    @ConfigProperty(name = "caisse.recovery.write-off.threshold", defaultValue = "25.00")
    BigDecimal writeOffThreshold;

    @ConfigProperty(name = "caisse.prescription.years", defaultValue = "5")
    int prescriptionYears;

    @ConfigProperty(name = "caisse.recovery.contact.attempts", defaultValue = "3")
    int contactAttempts;

    @ConfigProperty(name = "caisse.recovery.contact.over-days", defaultValue = "10")
    int contactOverDays;

    public RecoveryPath.Timers timers() {
        return new RecoveryPath.Timers(reminderDays, secondReminderDays, lastReminderDays, 1, 1);
    }

    public PersonalContact.Rule contactRule() {
        return new PersonalContact.Rule(contactAttempts, contactOverDays);
    }

    public record Moved(UUID caseId, String reference, String debtor, String from, String to, LocalDate on, String by,
                        BigDecimal debt, List<String> periods, List<MovedCoDebtor> coDebtors) {
    }

    /** A co-debtor named by a move: who, why, for which of the case's periods. */
    public record MovedCoDebtor(String coDebtor, String kind, List<String> periods) {
    }

    // ---- the debt, from contribution-service's events ----

    /** A quarter overdue: the debtor's open case (or a new one) claims it. Its first outstanding is the item's amount. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecoveryCaseEntity overdue(String debtor, String period, BigDecimal outstanding) {
        return overdue(debtor, period, outstanding, null, false);
    }

    /**
     * The same with what contribution-service says of the period: the year of a start whose supplement it holds
     * (prescribes later), and whether a reduction of provisional contributions may apply. A period reported again
     * (a supplement fell due) takes the new outstanding.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecoveryCaseEntity overdue(String debtor, String period, BigDecimal outstanding, Integer startYear, boolean reducible) {
        RecoveryCaseEntity c = openCase(debtor);
        if (c == null) {
            c = new RecoveryCaseEntity();
            c.id = Uuids.timeOrdered();
            long seq = ((Number) em.createNativeQuery("SELECT nextval('recovery_case_seq')").getSingleResult()).longValue();
            LocalDate today = LocalDate.now(clock);
            c.reference = String.format("REC-%d-%06d", today.getYear(), seq);
            c.debtor = debtor;
            c.state = CaseState.OPEN.name();
            c.since = today;
            c.openedOn = today;
            c.updatedAt = OffsetDateTime.now(clock);
            schedule(c);
            c.persist();
            em.flush();
            step(c, null, CaseState.OPEN, today, SYSTEM, "overdue " + period);
        }
        em.createNativeQuery("INSERT INTO debt_item (case_id, period, component, amount, start_year, reducible) "
                        + "VALUES (:c, :p, 'PRINCIPAL', :a, :s, :r) ON CONFLICT (case_id, period, component) DO UPDATE SET amount = EXCLUDED.amount, "
                        + "start_year = COALESCE(EXCLUDED.start_year, debt_item.start_year), reducible = EXCLUDED.reducible")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("c", c.id).setParameter("p", period).setParameter("a", outstanding)
                .setParameter("s", startYear, Integer.class).setParameter("r", reducible).executeUpdate();
        // the period's surcharges booked before the case claimed it
        @SuppressWarnings("unchecked")
        List<BigDecimal> loose = em.createNativeQuery("DELETE FROM unclaimed_surcharge WHERE debtor = :d AND period = :p RETURNING amount")
                .setParameter("d", debtor).setParameter("p", period).getResultList();
        if (!loose.isEmpty() && loose.get(0).signum() > 0) {
            addSurcharge(c, period, loose.get(0));
        }
        return c;
    }

    /** A surcharge booked on a period of a debtor with an open case: part of the debt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void surcharge(String debtor, String period, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        RecoveryCaseEntity c = openCase(debtor);
        boolean claimed = c != null && ((Number) em.createNativeQuery("SELECT count(*) FROM debt_item WHERE case_id = :c AND period = :p")
                .setParameter("c", c.id).setParameter("p", period).getSingleResult()).intValue() > 0;
        if (!claimed) {
            // kept until a case claims the period (or a payment pays it)
            em.createNativeQuery("INSERT INTO unclaimed_surcharge (debtor, period, amount) VALUES (:d, :p, :a) "
                            + "ON CONFLICT (debtor, period) DO UPDATE SET amount = unclaimed_surcharge.amount + EXCLUDED.amount")
                    .setParameter("d", debtor).setParameter("p", period).setParameter("a", amount).executeUpdate();
            return;
        }
        addSurcharge(c, period, amount);
    }

    /** Surcharges cancelled by contribution-service (booked after a judicial step stopped them): the item falls. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void surchargeCancelled(String debtor, String period, BigDecimal amount) {
        em.createNativeQuery("UPDATE unclaimed_surcharge SET amount = GREATEST(amount - :a, 0) WHERE debtor = :d AND period = :p")
                .setParameter("a", amount).setParameter("d", debtor).setParameter("p", period).executeUpdate();
        RecoveryCaseEntity c = openCase(debtor);
        if (c == null) {
            return;
        }
        em.createNativeQuery("UPDATE debt_item SET amount = GREATEST(amount - :a, 0) WHERE case_id = :c AND period = :p AND component = 'SURCHARGE'")
                .setParameter("a", amount).setParameter("c", c.id).setParameter("p", period).executeUpdate();
        closeIfPaid(c, "surcharges cancelled");
    }

    private void addSurcharge(RecoveryCaseEntity c, String period, BigDecimal amount) {
        em.createNativeQuery("INSERT INTO debt_item (case_id, period, component, amount) VALUES (:c, :p, 'SURCHARGE', :a) "
                        + "ON CONFLICT (case_id, period, component) DO UPDATE SET amount = debt_item.amount + EXCLUDED.amount")
                .setParameter("c", c.id).setParameter("p", period).setParameter("a", amount).executeUpdate();
    }

    /** A payment imputed on periods and components: the items fall; a case whose debt is paid is closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocated(String debtor, LocalDate valueDate, List<Allocation> allocations) {
        for (Allocation a : allocations) {
            if ("SURCHARGE".equals(a.component())) {
                em.createNativeQuery("UPDATE unclaimed_surcharge SET amount = GREATEST(amount - :a, 0) WHERE debtor = :d AND period = :p")
                        .setParameter("a", a.amount()).setParameter("d", debtor).setParameter("p", a.period()).executeUpdate();
            }
        }
        RecoveryCaseEntity c = openCase(debtor);
        if (c == null) {
            return;
        }
        if (valueDate != null && (c.lastPaymentOn == null || valueDate.isAfter(c.lastPaymentOn))) {
            c.lastPaymentOn = valueDate; // a part payment acknowledges the debt: the prescription starts again (REFERENCE.md §5.1)
        }
        for (Allocation a : allocations) {
            em.createNativeQuery("UPDATE debt_item SET amount = GREATEST(amount - :a, 0) WHERE case_id = :c AND period = :p AND component = :k")
                    .setParameter("a", a.amount()).setParameter("c", c.id).setParameter("p", a.period()).setParameter("k", a.component())
                    .executeUpdate();
        }
        closeIfPaid(c, "paid");
    }

    public record Allocation(String period, String component, BigDecimal amount) {
    }

    /** A notice cancelled (not liable, exempted): its items leave the debt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(String debtor, String period) {
        em.createNativeQuery("DELETE FROM unclaimed_surcharge WHERE debtor = :d AND period = :p")
                .setParameter("d", debtor).setParameter("p", period).executeUpdate();
        RecoveryCaseEntity c = openCase(debtor);
        if (c == null) {
            return;
        }
        em.createNativeQuery("UPDATE debt_item SET amount = 0 WHERE case_id = :c AND period = :p AND component IN ('PRINCIPAL', 'SURCHARGE')")
                .setParameter("c", c.id).setParameter("p", period).executeUpdate();
        closeIfPaid(c, "notice cancelled");
    }

    private void closeIfPaid(RecoveryCaseEntity c, String why) {
        if (debt(c.id).signum() == 0) {
            c.closedReason = c.planId != null ? "SETTLED_BY_PLAN" : "PAID";
            plans.completed(c);
            c.planId = null;
            move(c, CaseState.CLOSED, LocalDate.now(clock), SYSTEM, why);
        }
    }

    public BigDecimal debt(UUID caseId) {
        return (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM debt_item WHERE case_id = :c")
                .setParameter("c", caseId).getSingleResult();
    }

    public static RecoveryCaseEntity openCase(String debtor) {
        return RecoveryCaseEntity.find("debtor = ?1 and state <> 'CLOSED'", debtor).firstResult();
    }

    // ---- the daily pass ----

    @Scheduled(cron = "${caisse.recovery.daily-pass.cron:0 30 1 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int moved = pass(SYSTEM);
        if (moved > 0) {
            LOG.infof("Recovery daily pass: %d case(s) moved", moved);
        }
    }

    /**
     * Moves every open case whose timer fell due, one step each (a letter at a time; the next timer counts from
     * today), in batches of 5,000 in their own transactions: restartable, and a second pass the same day moves nothing.
     */
    public int pass() {
        return pass(SYSTEM);
    }

    /** The pass of today, its progress kept in {@code daily_pass} (moved so far, running or completed). */
    @Inject
    RecoveryLetterJob letters;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "caisse.documents.letters.after-pass", defaultValue = "false")
    boolean lettersAfterPass;

    public int pass(String by) {
        LocalDate today = LocalDate.now(clock);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO daily_pass (day, status, started_by, started_at, runs) "
                        + "VALUES (:d, 'RUNNING', :by, :at, 1) ON CONFLICT (day) DO UPDATE SET status = 'RUNNING', runs = daily_pass.runs + 1, "
                        + "started_by = EXCLUDED.started_by, started_at = EXCLUDED.started_at, finished_at = NULL, failure = NULL")
                .setParameter("d", today).setParameter("by", by).setParameter("at", OffsetDateTime.now(clock)).executeUpdate());
        try {
            int moved = passSteps(today);
            if (lettersAfterPass) {
                letters.issuePending(); // the day's letters leave with the day's steps
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE daily_pass SET status = 'COMPLETED', finished_at = :at "
                    + "WHERE day = :d").setParameter("at", OffsetDateTime.now(clock)).setParameter("d", today).executeUpdate());
            return moved;
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE daily_pass SET status = 'FAILED', finished_at = :at, "
                    + "failure = :f WHERE day = :d").setParameter("at", OffsetDateTime.now(clock)).setParameter("f", String.valueOf(e.getMessage()))
                    .setParameter("d", today).executeUpdate());
            throw e;
        }
    }

    private int passSteps(LocalDate today) {
        int moved = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.RECOVERY_DAILY_PASS)) {
                    throw DomainProblem.conflict("daily-pass-running");
                }
                int n = passBatch(today);
                em.createNativeQuery("UPDATE daily_pass SET moved = moved + :n WHERE day = :d").setParameter("n", n).setParameter("d", today)
                        .executeUpdate(); // the progress, with the batch it counts
                return n;
            });
            moved += batch;
            if (batch < BATCH) {
                break;
            }
        }
        // the plans being kept: a missed instalment is told once, a plan past its grace is broken and the path resumes
        @SuppressWarnings("unchecked")
        List<UUID> withPlan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM recovery_case WHERE state <> 'CLOSED' AND plan_id IS NOT NULL ORDER BY id").getResultList());
        for (UUID id : withPlan) {
            moved += QuarkusTransaction.requiringNew().call(() -> plans.check(RecoveryCaseEntity.findById(id), today));
        }
        return moved;
    }

    static final int BATCH = 5000;

    /**
     * One batch of the pass, set-based: the due cases read at once, each moved one step as {@link #move} would (the
     * state, its timer, the trail line, the case-moved event with the debt and its periods), written with one batch
     * of updates, one of inserts and one COPY of the events.
     */
    private int passBatch(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT c.id, c.reference, c.debtor, c.state, c.next_step, "
                        + "COALESCE((SELECT SUM(d.amount) FROM debt_item d WHERE d.case_id = c.id), 0), "
                        + "(SELECT string_agg(DISTINCT d.period, ',' ORDER BY d.period) FROM debt_item d WHERE d.case_id = c.id AND d.amount > 0) "
                        + "FROM recovery_case c WHERE c.state <> 'CLOSED' AND c.plan_id IS NULL AND c.insolvency_kind IS NULL "
                        + "AND c.next_step_on <= :d ORDER BY c.next_step_on, c.id LIMIT " + BATCH)
                .setParameter("d", today).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        java.util.Map<String, List<Link>> links = links(due.stream().map(r -> (String) r[2]).distinct().toList());
        be.caisse.common.outbox.OutboxBulk moved = events.bulk();
        List<Object[]> updates = new ArrayList<>(due.size());
        for (Object[] r : due) {
            UUID id = (UUID) r[0];
            CaseState from = CaseState.valueOf((String) r[3]);
            CaseState to = CaseState.valueOf((String) r[4]);
            if (!from.canBecome(to)) {
                throw new IllegalStateException("Case " + r[1] + " has a timer to " + to + " from " + from);
            }
            var timer = RecoveryPath.timer(to, today, timers());
            updates.add(new Object[]{id, from.name(), to.name(), timer.map(t -> t.to().name()).orElse(null),
                    timer.map(RecoveryPath.Timer::on).orElse(null), to == CaseState.LAST_REMINDER});
            List<String> periods = r[6] == null ? List.of() : List.of(((String) r[6]).split(","));
            moved.add(TOPIC, MOVED, (String) r[2], id + "/" + to.name() + "/" + today, new Moved(id, (String) r[1], (String) r[2],
                    from.name(), to.name(), today, SYSTEM, (BigDecimal) r[5], periods, named(links.getOrDefault((String) r[2], List.of()), periods)));
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var up = connection.prepareStatement("UPDATE recovery_case SET state = ?, since = ?, next_step = ?, next_step_on = ?, "
                    + "last_reminder_on = CASE WHEN ? THEN ? ELSE last_reminder_on END, updated_at = ? WHERE id = ? AND state = ?");
                 var step = connection.prepareStatement("INSERT INTO case_step (case_id, from_state, to_state, on_date, by_whom, at) "
                         + "VALUES (?, ?, ?, ?, ?, ?)")) {
                Date day = Date.valueOf(today);
                for (Object[] u : updates) {
                    up.setString(1, (String) u[2]);
                    up.setDate(2, day);
                    up.setString(3, (String) u[3]);
                    up.setObject(4, u[4] == null ? null : Date.valueOf((LocalDate) u[4]));
                    up.setBoolean(5, (Boolean) u[5]); // art. 46: the registered letter's date interrupts the prescription
                    up.setDate(6, day);
                    up.setObject(7, now);
                    up.setObject(8, u[0]);
                    up.setString(9, (String) u[1]);
                    up.addBatch();
                    step.setObject(1, u[0]);
                    step.setString(2, (String) u[1]);
                    step.setString(3, (String) u[2]);
                    step.setDate(4, day);
                    step.setString(5, SYSTEM);
                    step.setObject(6, now);
                    step.addBatch();
                }
                up.executeBatch();
                step.executeBatch();
            }
            moved.copy(connection);
        });
        return due.size();
    }

    /** The path goes on from today where it stood (a plan broken): its timer counts again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(RecoveryCaseEntity c, LocalDate today, String why) {
        c.since = today;
        c.updatedAt = OffsetDateTime.now(clock);
        schedule(c);
        note(c, SYSTEM, why);
    }

    /** A line in the case's trail that does not move it (a plan asked, granted, missed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(RecoveryCaseEntity c, String by, String note) {
        em.createNativeQuery("INSERT INTO case_step (case_id, from_state, to_state, on_date, by_whom, note, at) "
                        + "VALUES (:c, :f, :t, :on, :by, :n, :at)")
                .setParameter("c", c.id).setParameter("f", c.state).setParameter("t", c.state).setParameter("on", LocalDate.now(clock))
                .setParameter("by", by).setParameter("n", note).setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
    }

    // ---- what agents do ----

    @Transactional
    public RecoveryCaseEntity contact(UUID id, PersonalContact.Channel channel, PersonalContact.Outcome outcome, LocalDate on, String note,
                                      String by) {
        RecoveryCaseEntity c = requireOpen(id);
        em.createNativeQuery("INSERT INTO case_contact (id, case_id, channel, outcome, on_date, note, by_whom, at) "
                        + "VALUES (:id, :c, :ch, :o, :on, :n, :by, :at)")
                .setParameter("id", Uuids.timeOrdered()).setParameter("c", c.id).setParameter("ch", channel.name())
                .setParameter("o", outcome.name()).setParameter("on", on).setParameter("n", note).setParameter("by", by)
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        c.updatedAt = OffsetDateTime.now(clock);
        return c;
    }

    public List<PersonalContact.Contact> contacts(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT channel, outcome, on_date FROM case_contact WHERE case_id = :c ORDER BY on_date, at")
                .setParameter("c", caseId).getResultList();
        List<PersonalContact.Contact> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new PersonalContact.Contact(PersonalContact.Channel.valueOf((String) r[0]), PersonalContact.Outcome.valueOf((String) r[1]),
                    r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2]));
        }
        return out;
    }

    public boolean contactMade(UUID caseId) {
        return PersonalContact.made(contacts(caseId), contactRule());
    }

    /** A motivated contestation received by registered letter within the month after the last reminder (art. 46). */
    @Transactional
    public RecoveryCaseEntity contest(UUID id, LocalDate receivedOn, String motivation, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (!CaseState.LAST_REMINDER.name().equals(c.state) || c.lastReminderOn == null) {
            throw DomainProblem.conflict("contestation-not-open", c.reference, c.state);
        }
        LocalDate end = RecoveryPath.windowEnd(c.lastReminderOn, timers());
        if (receivedOn.isAfter(end) || receivedOn.isBefore(c.lastReminderOn)) {
            throw DomainProblem.conflict("contestation-late", c.reference, end);
        }
        c.contestedOn = receivedOn;
        c.contestation = motivation;
        move(c, CaseState.CONTESTED, LocalDate.now(clock), by, motivation);
        return c;
    }

    /** The contrainte (art. 47bis), issued by the fund: refused, with every reason, while a guard holds. */
    @Transactional
    public RecoveryCaseEntity contrainte(UUID id, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        guard(c, RecoveryPath.Step.CONTRAINTE);
        c.contrainteId = Uuids.timeOrdered();
        c.contrainteIssuedOn = LocalDate.now(clock);
        move(c, CaseState.CONTRAINTE_ISSUED, c.contrainteIssuedOn, by, null);
        letters.issueFor(c.id); // the contrainte itself, for the bailiff who serves it
        return c;
    }

    /** The bailiff served the contrainte: one month for opposition runs from this date. */
    @Transactional
    public RecoveryCaseEntity served(UUID id, UUID contrainteId, LocalDate on, String bailiff, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (c.contrainteId == null || !c.contrainteId.equals(contrainteId)) {
            throw DomainProblem.notFound("contrainte");
        }
        if (!CaseState.CONTRAINTE_ISSUED.name().equals(c.state)) {
            throw DomainProblem.conflict("contrainte-not-issued", c.reference, c.state);
        }
        if (on.isBefore(c.contrainteIssuedOn)) {
            throw DomainProblem.conflict("contrainte-served-before-issue", c.reference, c.contrainteIssuedOn);
        }
        c.contrainteServedOn = on;
        c.bailiff = bailiff;
        move(c, CaseState.CONTRAINTE_SERVED, on, by, bailiff);
        return c;
    }

    /** An opposition by the debtor's summons of the fund within a month of service: enforcement waits for the court. */
    @Transactional
    public RecoveryCaseEntity opposition(UUID id, LocalDate on, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (!CaseState.CONTRAINTE_SERVED.name().equals(c.state)) {
            throw DomainProblem.conflict("opposition-not-open", c.reference, c.state);
        }
        LocalDate end = RecoveryPath.oppositionEnd(c.contrainteServedOn, timers());
        if (on.isAfter(end) || on.isBefore(c.contrainteServedOn)) {
            throw DomainProblem.conflict("opposition-late", c.reference, end);
        }
        c.opposedOn = on;
        move(c, CaseState.OPPOSED, LocalDate.now(clock), by, null);
        return c;
    }

    /** A summons before the labour court (the only route after a contestation). */
    @Transactional
    public RecoveryCaseEntity summons(UUID id, LocalDate hearingOn, String court, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        guard(c, RecoveryPath.Step.SUMMONS);
        c.summonedOn = LocalDate.now(clock);
        c.hearingOn = hearingOn;
        c.court = court;
        move(c, CaseState.SUMMONED, c.summonedOn, by, court);
        return c;
    }

    public enum PartyKind { BAILIFF, LAWYER, CURATOR }

    /** A bailiff, a lawyer or a curator acting on the case, with the file reference it gives. */
    @Transactional
    public UUID party(UUID id, PartyKind kind, String name, String fileReference, LocalDate appointedOn, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        UUID party = Uuids.timeOrdered();
        em.createNativeQuery("INSERT INTO case_party (id, case_id, kind, name, file_reference, appointed_on, recorded_by) "
                        + "VALUES (:id, :c, :k, :n, :f, :on, :by)")
                .setParameter("id", party).setParameter("c", c.id).setParameter("k", kind.name()).setParameter("n", name)
                .setParameter("f", fileReference).setParameter("on", appointedOn).setParameter("by", by).executeUpdate();
        note(c, by, kind + " " + name + (fileReference == null ? "" : " (" + fileReference + ")"));
        return party;
    }

    /**
     * Costs charged on the case (a bailiff's acts, the procedure), at the debtor's charge and collected by the party
     * that charged them: listed with the case, not added to the contributions' debt the fund claims (which stays what
     * contribution-service says is open).
     */
    @Transactional
    public RecoveryCaseEntity cost(UUID id, UUID partyId, String description, BigDecimal amount, LocalDate on, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (partyId != null && ((Number) em.createNativeQuery("SELECT count(*) FROM case_party WHERE id = :p AND case_id = :c")
                .setParameter("p", partyId).setParameter("c", c.id).getSingleResult()).intValue() == 0) {
            throw DomainProblem.notFound("party");
        }
        em.createNativeQuery("INSERT INTO case_cost (id, case_id, party_id, description, amount, incurred_on, recorded_by) "
                        + "VALUES (:id, :c, :p, :d, :a, :on, :by)")
                .setParameter("id", Uuids.timeOrdered()).setParameter("c", c.id).setParameter("p", partyId).setParameter("d", description)
                .setParameter("a", amount).setParameter("on", on).setParameter("by", by).executeUpdate();
        note(c, by, "costs " + amount + ": " + description);
        return c;
    }

    /** A seizure (saisie / beslag) and what it brought; the money it brought is imputed when it is paid to the fund. */
    @Transactional
    public RecoveryCaseEntity seizure(UUID id, String kind, LocalDate on, String result, BigDecimal recovered, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (!c.state.equals(CaseState.ENFORCEMENT.name())) {
            throw DomainProblem.conflict("seizure-before-enforcement", c.reference, c.state);
        }
        em.createNativeQuery("INSERT INTO case_seizure (id, case_id, kind, seized_on, result, recovered, recorded_by) "
                        + "VALUES (:id, :c, :k, :on, :r, :a, :by)")
                .setParameter("id", Uuids.timeOrdered()).setParameter("c", c.id).setParameter("k", kind).setParameter("on", on)
                .setParameter("r", result).setParameter("a", recovered == null ? BigDecimal.ZERO : recovered).setParameter("by", by)
                .executeUpdate();
        note(c, by, "seizure " + kind + " on " + on + (result == null ? "" : ": " + result));
        return c;
    }

    /** How the labour court ruled on a summons or an opposition. */
    public enum Judgment { CONDEMNED, DISMISSED }

    /**
     * The court's judgment after a summons or on an opposition: the debtor condemned, enforcement goes on; the claim
     * dismissed (or the opposition upheld), the case is closed, discharged by the court.
     */
    @Transactional
    public RecoveryCaseEntity judgment(UUID id, Judgment outcome, LocalDate on, String note, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (!CaseState.SUMMONED.name().equals(c.state) && !CaseState.OPPOSED.name().equals(c.state)) {
            throw DomainProblem.conflict("judgment-not-awaited", c.reference, c.state);
        }
        c.judgmentOn = on;
        c.judgment = outcome.name();
        if (outcome == Judgment.CONDEMNED) {
            move(c, CaseState.ENFORCEMENT, on, by, note);
        } else {
            c.closedReason = "DISCHARGED_BY_COURT";
            move(c, CaseState.CLOSED, on, by, note);
        }
        return c;
    }

    /** The registered mail's reference (the postal service's) of the last reminder, once it is known. */
    @Transactional
    public RecoveryCaseEntity registeredMail(UUID id, String reference, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        if (c.lastReminderOn == null) {
            throw DomainProblem.conflict("no-last-reminder", c.reference, c.state);
        }
        c.registeredMailRef = reference;
        note(c, by, "registered mail " + reference);
        return c;
    }

    private void guard(RecoveryCaseEntity c, RecoveryPath.Step step) {
        List<String> why = RecoveryPath.refusals(step, CaseState.valueOf(c.state), contactMade(c.id), c.planId != null, c.insolvencyKind != null);
        if (!why.isEmpty()) {
            throw DomainProblem.refused(409, "judicial-step-refused",
                    why.stream().map(r -> be.caisse.common.domain.Issue.of(null, r, "guard." + r)).toList(), c.reference, why.size());
        }
    }

    /** A mandate or a help recorded by affiliation-service: the company or the helped answers for the debtor's contributions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(UUID id, String kind, String debtor, String coDebtor, String role, LocalDate startsOn) {
        em.createNativeQuery("INSERT INTO liability_link (id, kind, debtor, co_debtor, role, starts_on) VALUES (:id, :k, :d, :c, :r, :s) "
                        + "ON CONFLICT (id) DO UPDATE SET starts_on = EXCLUDED.starts_on, role = EXCLUDED.role")
                .setParameter("id", id).setParameter("k", kind).setParameter("d", debtor).setParameter("c", coDebtor).setParameter("r", role)
                .setParameter("s", startsOn).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unlink(UUID id, LocalDate endsOn) {
        em.createNativeQuery("UPDATE liability_link SET ends_on = :e WHERE id = :id").setParameter("e", endsOn).setParameter("id", id)
                .executeUpdate();
    }

    /** A co-debtor of a case: who, why, for which periods, and how much of the debt that is. */
    public record CoDebtor(String coDebtor, String kind, String role, LocalDate from, LocalDate until, List<String> periods, BigDecimal amount) {
    }

    public List<CoDebtor> coDebtors(RecoveryCaseEntity c) {
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("SELECT period, SUM(amount) FROM debt_item WHERE case_id = :c AND amount > 0 GROUP BY period ORDER BY period")
                .setParameter("c", c.id).getResultList();
        java.util.Map<String, BigDecimal> byPeriod = new java.util.LinkedHashMap<>();
        items.forEach(r -> byPeriod.put((String) r[0], (BigDecimal) r[1]));
        return coDebtors(links(List.of(c.debtor)).getOrDefault(c.debtor, List.of()), byPeriod);
    }

    /** A joint liability link as seen from the debtor. */
    public record Link(String coDebtor, String kind, String role, LocalDate from, LocalDate until) {
    }

    /**
     * The links of these debtors, read at once. A mandate link reads both ways: the company answers for the
     * director's contributions, the directors for the company contribution of the years their mandate ran
     * (art. 98 loi 30/12/1992, REFERENCE.md §5.4).
     */
    public java.util.Map<String, List<Link>> links(java.util.Collection<String> debtors) {
        java.util.Map<String, List<Link>> out = new java.util.HashMap<>();
        if (debtors.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT debtor, co_debtor, kind, role, starts_on, ends_on FROM liability_link WHERE debtor IN (:d) "
                        + "UNION ALL SELECT co_debtor, debtor, 'DIRECTOR', role, starts_on, ends_on FROM liability_link WHERE co_debtor IN (:d) "
                        + "AND kind = 'MANDATE' ORDER BY 1, 5, 2")
                .setParameter("d", debtors).getResultList();
        for (Object[] l : rows) {
            out.computeIfAbsent((String) l[0], k -> new ArrayList<>()).add(new Link((String) l[1], (String) l[2], (String) l[3], day(l[4]), day(l[5])));
        }
        return out;
    }

    /** Who answers for which of these periods (amounts per period), and for how much. */
    public static List<CoDebtor> coDebtors(List<Link> links, java.util.Map<String, BigDecimal> byPeriod) {
        List<CoDebtor> out = new ArrayList<>();
        for (Link l : links) {
            List<String> covered = be.caisse.recovery.domain.JointLiability.covered(List.copyOf(byPeriod.keySet()), l.from(), l.until());
            if (!covered.isEmpty()) {
                out.add(new CoDebtor(l.coDebtor(), l.kind(), l.role(), l.from(), l.until(), covered,
                        covered.stream().map(byPeriod::get).reduce(BigDecimal.ZERO, BigDecimal::add)));
            }
        }
        return out;
    }

    /** The co-debtors a move names (each answering for some periods: the letters of the step go to them too). */
    static List<MovedCoDebtor> named(List<Link> links, List<String> periods) {
        java.util.Map<String, BigDecimal> byPeriod = new java.util.LinkedHashMap<>();
        periods.forEach(p -> byPeriod.put(p, BigDecimal.ZERO));
        return coDebtors(links, byPeriod).stream().map(cd -> new MovedCoDebtor(cd.coDebtor(), cd.kind(), cd.periods())).toList();
    }

    /** Why a case is written off (supervisor). */
    public enum WriteOff { PRESCRIBED, BELOW_THRESHOLD, UNCOLLECTABLE }

    /** The prescription date of each open item, renewed by the case's interruptions (REFERENCE.md §5.1). */
    public java.util.Map<String, LocalDate> prescriptions(RecoveryCaseEntity c) {
        @SuppressWarnings("unchecked")
        List<Object> planned = em.createNativeQuery("SELECT requested_on FROM payment_plan WHERE case_id = :c").setParameter("c", c.id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT period, max(start_year) FROM debt_item WHERE case_id = :c AND amount > 0 "
                + "GROUP BY period ORDER BY period").setParameter("c", c.id).getResultList();
        List<String> periods = rows.stream().map(r -> (String) r[0]).toList();
        java.util.Map<String, Integer> starts = new java.util.HashMap<>();
        rows.stream().filter(r -> r[1] != null).forEach(r -> starts.put((String) r[0], ((Number) r[1]).intValue()));
        return prescriptions(c, periods, starts, planned.stream().map(RecoveryService::day).toList());
    }

    /** The same, from what the caller already read (the worklist reads it for every open case at once). */
    public java.util.Map<String, LocalDate> prescriptions(RecoveryCaseEntity c, List<String> periods, java.util.Map<String, Integer> startYears,
                                                         List<LocalDate> planRequests) {
        be.caisse.common.domain.Prescription rule = new be.caisse.common.domain.Prescription(prescriptionYears);
        List<LocalDate> interruptions = new ArrayList<>();
        for (LocalDate d : new LocalDate[]{c.lastReminderOn, c.contrainteServedOn, c.summonedOn, c.lastPaymentOn}) {
            if (d != null) {
                interruptions.add(d);
            }
        }
        interruptions.addAll(planRequests); // a payment plan asked for or agreed is an acknowledgement of the debt
        java.util.Map<String, LocalDate> out = new java.util.LinkedHashMap<>();
        for (String p : periods) {
            be.caisse.common.time.Quarter q = p.length() == 4 ? new be.caisse.common.time.Quarter(Integer.parseInt(p), 4)
                    : be.caisse.common.time.Quarter.parse(p);
            out.put(p, be.caisse.recovery.domain.DebtPrescription.prescribesOn(q, startYears.get(p), interruptions, rule));
        }
        return out;
    }

    static LocalDate day(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /**
     * A supervisor writes a case off: every item prescribed, a debt below the threshold, or uncollectable (with the
     * reasons). The case is closed with what was written off.
     */
    @Transactional
    public RecoveryCaseEntity writeOff(UUID id, WriteOff why, String note, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        LocalDate today = LocalDate.now(clock);
        BigDecimal debt = debt(c.id);
        switch (why) {
            case PRESCRIBED -> {
                List<String> alive = prescriptions(c).entrySet().stream().filter(e -> e.getValue().isAfter(today)).map(java.util.Map.Entry::getKey).toList();
                if (!alive.isEmpty()) {
                    throw DomainProblem.conflict("write-off-not-prescribed", c.reference, String.join(", ", alive));
                }
            }
            case BELOW_THRESHOLD -> {
                if (debt.compareTo(writeOffThreshold) > 0) {
                    throw DomainProblem.conflict("write-off-above-threshold", debt, writeOffThreshold);
                }
            }
            case UNCOLLECTABLE -> {
                // the supervisor's judgement, with its reasons in the note
            }
        }
        c.writtenOff = debt;
        c.writeOffNote = note;
        c.closedReason = "WRITTEN_OFF_" + why.name();
        c.planId = null;
        move(c, CaseState.CLOSED, today, by, why.name() + ": " + note);
        return c;
    }

    /**
     * A bankruptcy or a judicial reorganisation: enforcement is suspended (no timer, no judicial step); the claim
     * declared to the curator is kept as recorded.
     */
    @Transactional
    public RecoveryCaseEntity insolvency(UUID id, String kind, LocalDate openedOn, String curator, LocalDate claimFiledOn,
                                         BigDecimal claimAmount, String rank, String by) {
        RecoveryCaseEntity c = requireOpen(id);
        c.insolvencyKind = kind;
        c.insolvencyOn = openedOn;
        c.curator = curator;
        c.claimFiledOn = claimFiledOn;
        c.claimAmount = claimAmount;
        c.claimRank = rank;
        c.nextStep = null;
        c.nextStepOn = null;
        c.updatedAt = OffsetDateTime.now(clock);
        note(c, by, kind + " opened on " + openedOn + (claimFiledOn == null ? "" : "; claim of " + claimAmount + " filed on " + claimFiledOn));
        return c;
    }

    /** A bankruptcy learnt from the affiliation events (a cessation for bankruptcy): the debtor's open case is suspended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bankruptcy(String debtor, LocalDate on) {
        RecoveryCaseEntity c = openCase(debtor);
        if (c != null && c.insolvencyKind == null) {
            insolvency(c.id, "BANKRUPTCY", on, null, null, null, null, SYSTEM);
        }
    }

    public static RecoveryCaseEntity require(UUID id) {
        RecoveryCaseEntity c = RecoveryCaseEntity.findById(id);
        if (c == null) {
            throw DomainProblem.notFound("case");
        }
        return c;
    }

    private static RecoveryCaseEntity requireOpen(UUID id) {
        RecoveryCaseEntity c = require(id);
        if (CaseState.CLOSED.name().equals(c.state)) {
            throw DomainProblem.conflict("case-closed", c.reference);
        }
        return c;
    }

    /** Moves a case along the path, with its trail, its next timer and its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(RecoveryCaseEntity c, CaseState to, LocalDate on, String by, String note) {
        CaseState from = CaseState.valueOf(c.state);
        if (!from.canBecome(to)) {
            throw DomainProblem.conflict("case-move-refused", c.reference, from.name(), to.name());
        }
        c.state = to.name();
        c.since = on;
        c.updatedAt = OffsetDateTime.now(clock);
        schedule(c);
        step(c, from, to, on, by, note);
    }

    private void schedule(RecoveryCaseEntity c) {
        var timer = RecoveryPath.timer(CaseState.valueOf(c.state), c.since, timers());
        c.nextStep = timer.map(t -> t.to().name()).orElse(null);
        c.nextStepOn = timer.map(RecoveryPath.Timer::on).orElse(null);
    }

    private void step(RecoveryCaseEntity c, CaseState from, CaseState to, LocalDate on, String by, String note) {
        em.createNativeQuery("INSERT INTO case_step (case_id, from_state, to_state, on_date, by_whom, note, at) "
                        + "VALUES (:c, :f, :t, :on, :by, :n, :at)")
                .setParameter("c", c.id).setParameter("f", from == null ? null : from.name()).setParameter("t", to.name())
                .setParameter("on", on).setParameter("by", by).setParameter("n", note).setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> periods = em.createNativeQuery("SELECT DISTINCT period FROM debt_item WHERE case_id = :c AND amount > 0 ORDER BY period")
                .setParameter("c", c.id).getResultList();
        events.publish(TOPIC, MOVED, c.debtor, c.id + "/" + to.name() + "/" + on, new Moved(c.id, c.reference, c.debtor,
                from == null ? null : from.name(), to.name(), on, by, debt(c.id), periods,
                named(links(List.of(c.debtor)).getOrDefault(c.debtor, List.of()), periods)));
    }
}
