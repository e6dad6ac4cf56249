package be.caisse.contribution.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.Uuids;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.IncomeSource;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.domain.ReferenceIncome;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.NoticeRunEntity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The quarterly call (appel trimestriel): a payment notice for every liable contributor of a quarter, with its
 * amount, breakdown, due date and a unique structured communication, and one event per notice.
 *
 * <p>Set-based and batched: one query streams the liable accounts still without a notice for the quarter, in NISS
 * order, with their incomes; the amounts are computed in memory by the domain; the notices, their ledger lines
 * (contribution and fee) and their outbox events are written with COPY, one transaction per batch, while the next
 * batch is prepared. The run is idempotent and restartable: a notice exists at most once per account and quarter,
 * so running the quarter again only does what is left; its progress (done, total, rate) is readable while it runs.
 * An account whose quarter cannot be computed (a missing parameter)
 * is counted as skipped with the reason, and the run goes on.
 */
@ApplicationScoped
public class QuarterlyRunService {
    private static final Logger LOG = Logger.getLogger(QuarterlyRunService.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ParameterRepository parameters;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    @ConfigProperty(name = "caisse.contribution.run.batch-size", defaultValue = "2000")
    int batchSize;

    @ConfigProperty(name = "caisse.events.source")
    String source;

    @ConfigProperty(name = "caisse.documents.notices.after-run", defaultValue = "true")
    boolean documentsAfterRun;

    @Inject
    NoticeDocumentJob noticeDocuments;

    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quarterly-run");
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts the run of a quarter in the background, or resumes one that stopped (a crash, a failed batch): only
     * the accounts still without a notice are done. While it runs here, it is returned as it is; when nothing is
     * left, the run is marked completed and nothing is created.
     */
    public NoticeRunEntity start(Quarter quarter, String by) {
        if (!running.add(quarter.toString())) {
            return QuarkusTransaction.requiringNew().call(() -> NoticeRunEntity.findById(quarter.toString()));
        }
        Connection lock = null;
        try {
            lock = lock(quarter);
            if (lock == null) {
                throw DomainProblem.conflict("run-running", quarter.toString());
            }
            NoticeRunEntity run = begin(quarter, by);
            if ("COMPLETED".equals(run.status)) {
                unlock(lock, quarter);
                running.remove(quarter.toString());
                return run;
            }
            Connection held = lock;
            executor.submit(() -> {
                try {
                    runQuietly(quarter);
                } finally {
                    unlock(held, quarter);
                    running.remove(quarter.toString());
                }
            });
            return run;
        } catch (RuntimeException e) {
            unlock(lock, quarter);
            running.remove(quarter.toString());
            throw e;
        }
    }

    /**
     * One run of a quarter at a time across replicas: a session advisory lock on a connection held for the run.
     * @return the connection holding the lock, or null when another replica holds it
     */
    private Connection lock(Quarter quarter) {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                p.setLong(1, lockKey(quarter));
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return c;
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the run of " + quarter, e);
        }
    }

    private void unlock(Connection c, Quarter quarter) {
        if (c == null) {
            return;
        }
        // the pool keeps the physical connection: the session lock must be released, not left to the close
        try (c; PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            p.setLong(1, lockKey(quarter));
            p.execute();
        } catch (SQLException e) {
            LOG.warnf("Could not release the lock of the run of %s: %s", quarter, e.getMessage());
        }
    }

    private static long lockKey(Quarter quarter) {
        return be.caisse.common.persistence.AdvisoryLocks.QUARTERLY_RUN + quarter.year() * 10L + quarter.number();
    }

    /**
     * The call of the quarter that begins, on its first day (the notices go out in the first month, REFERENCE.md
     * §2.8); a supervisor can start or resume any quarter through the API. Off in the test profile.
     */
    @io.quarkus.scheduler.Scheduled(cron = "${caisse.contribution.run.cron:0 0 2 1 1,4,7,10 ?}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void quarterStarts() {
        Quarter quarter = Quarter.of(LocalDate.now(clock));
        LOG.infof("Quarter %s begins: starting its call run", quarter);
        start(quarter, "scheduler");
    }

    /** Runs the quarter to its end in the calling thread (the benchmark uses it). */
    public NoticeRunEntity runNow(Quarter quarter, String by) {
        if (!running.add(quarter.toString())) {
            throw DomainProblem.conflict("run-running", quarter.toString());
        }
        Connection lock = null;
        try {
            lock = lock(quarter);
            if (lock == null) {
                throw DomainProblem.conflict("run-running", quarter.toString());
            }
            begin(quarter, by);
            runQuietly(quarter);
            return QuarkusTransaction.requiringNew().call(() -> NoticeRunEntity.findById(quarter.toString()));
        } finally {
            unlock(lock, quarter);
            running.remove(quarter.toString());
        }
    }

    private NoticeRunEntity begin(Quarter quarter, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NoticeRunEntity r = NoticeRunEntity.findById(quarter.toString());
            if (r == null) {
                r = new NoticeRunEntity();
                r.quarter = quarter.toString();
            }
            int left = remaining(quarter);
            r.status = left == 0 ? "COMPLETED" : "RUNNING";
            r.total = left;
            r.done = 0;
            r.skipped = 0;
            r.lastError = null;
            r.startedAt = OffsetDateTime.now(clock);
            r.finishedAt = left == 0 ? r.startedAt : null;
            r.startedBy = by;
            r.persist();
            return r;
        });
    }

    public NoticeRunEntity progress(Quarter quarter) {
        NoticeRunEntity r = NoticeRunEntity.findById(quarter.toString());
        if (r == null) {
            throw DomainProblem.notFound("run", quarter.toString());
        }
        return r;
    }

    private void runQuietly(Quarter quarter) {
        try {
            run(quarter);
            if (documentsAfterRun) {
                // the notices go out in the first month of their quarter: issued (and sent) right after the call
                noticeDocuments.issuePending();
            }
        } catch (Exception e) {
            LOG.errorf(e, "Call run of %s failed", quarter);
            String message = String.valueOf(e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                NoticeRunEntity r = NoticeRunEntity.findById(quarter.toString());
                r.status = "FAILED";
                r.lastError = message.substring(0, Math.min(400, message.length()));
            });
        }
    }

    private record Account(String niss, ContributorCategory category, LocalDate liableFrom, List<ReferenceIncome> incomes) {
    }

    /** A batch ready to write: the COPY data of its notices, ledger lines and events. */
    private record Batch(String notices, String ledger, String events, int written, int skipped) {
    }

    private static final Batch END = new Batch("", "", "", 0, 0);

    /**
     * Two stages, so that both cores work: a reader streams the liable accounts without a notice (one query, in NISS
     * order, with their incomes), computes their quarter and prepares the rows; a writer COPYs each batch and commits
     * it with the run's progress, while the reader prepares the next one.
     */
    private void run(Quarter quarter) throws Exception {
        java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        long[] readNanos = new long[1];
        Thread reader = new Thread(() -> {
            try {
                read(quarter, queue, stop, readNanos);
                queue.put(END);
            } catch (Throwable e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "quarterly-run-reader");
        reader.setDaemon(true);
        reader.start();
        long writeNanos = 0;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof Throwable t) {
                    throw t instanceof Exception e ? e : new IllegalStateException(t);
                }
                Batch batch = (Batch) next;
                if (batch == END) {
                    break;
                }
                long t0 = System.nanoTime();
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    copy(c, batch);
                    try (PreparedStatement p = c.prepareStatement("UPDATE notice_run SET done = done + ?, skipped = skipped + ? WHERE quarter = ?")) {
                        p.setInt(1, batch.written());
                        p.setInt(2, batch.skipped());
                        p.setString(3, quarter.toString());
                        p.executeUpdate();
                    }
                    c.commit();
                }
                writeNanos += System.nanoTime() - t0;
            }
        } finally {
            stop.set(true);
            queue.clear();
            reader.join(30_000);
        }
        LOG.infof("Call run of %s: reading and preparing %.1f s, writing %.1f s (in parallel)", quarter, readNanos[0] / 1e9, writeNanos / 1e9);
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeRunEntity r = NoticeRunEntity.findById(quarter.toString());
            r.status = "COMPLETED";
            r.finishedAt = OffsetDateTime.now(clock);
        });
    }

    /** Accounts liable in the quarter (a liability period covers it) and still without a notice for it. */
    private static final String LIABLE_WITHOUT_NOTICE = "FROM liability_period p JOIN contribution_account a ON a.niss = p.niss "
            + "WHERE p.starts_on <= ? AND (p.ends_on IS NULL OR p.ends_on >= ?) AND NOT EXISTS "
            + "(SELECT 1 FROM contribution_quarter q WHERE q.niss = p.niss AND q.quarter = ?) AND NOT EXISTS "
            + "(SELECT 1 FROM exempted_quarter x WHERE x.niss = p.niss AND x.quarter = ?)";

    private int remaining(Quarter quarter) {
        return ((Number) NoticeRunEntity.getEntityManager().createNativeQuery("SELECT count(DISTINCT p.niss) " + LIABLE_WITHOUT_NOTICE)
                .setParameter(1, quarter.lastDay()).setParameter(2, quarter.firstDay())
                .setParameter(3, quarter.toString()).setParameter(4, quarter.toString()).getSingleResult()).intValue();
    }

    private void read(Quarter quarter, java.util.concurrent.BlockingQueue<Object> queue, java.util.concurrent.atomic.AtomicBoolean stop,
                      long[] nanos) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: the rows come batchSize at a time
            // a category change takes effect on a quarter's first day; should two periods still cover one quarter,
            // the later one's category applies
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT ON (p.niss) p.niss, p.category, a.liable_from, "
                    + "(SELECT string_agg(r.year || ':' || r.source || ':' || r.amount, ',') FROM reference_income r WHERE r.niss = p.niss) "
                    + LIABLE_WITHOUT_NOTICE + " ORDER BY p.niss, p.starts_on DESC")) {
                p.setFetchSize(batchSize);
                p.setObject(1, quarter.lastDay());
                p.setObject(2, quarter.firstDay());
                p.setString(3, quarter.toString());
                p.setString(4, quarter.toString());
                long t0 = System.nanoTime();
                try (ResultSet rs = p.executeQuery()) {
                    List<Account> batch = new ArrayList<>(batchSize);
                    while (rs.next()) {
                        batch.add(new Account(rs.getString(1), ContributorCategory.valueOf(rs.getString(2)),
                                rs.getObject(3, LocalDate.class), incomes(rs.getString(4))));
                        if (batch.size() == batchSize) {
                            Batch b = prepare(quarter, batch);
                            nanos[0] += System.nanoTime() - t0;
                            if (stop.get()) {
                                return;
                            }
                            queue.put(b);
                            t0 = System.nanoTime();
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                    if (!batch.isEmpty()) {
                        queue.put(prepare(quarter, batch));
                    }
                    nanos[0] += System.nanoTime() - t0;
                }
            }
            c.commit();
        }
    }

    private static List<ReferenceIncome> incomes(String aggregated) {
        if (aggregated == null) {
            return List.of();
        }
        List<ReferenceIncome> incomes = new ArrayList<>(2);
        for (String one : aggregated.split(",")) {
            String[] f = one.split(":");
            incomes.add(new ReferenceIncome(Integer.parseInt(f[0]), new BigDecimal(f[2]), IncomeSource.valueOf(f[1])));
        }
        return incomes;
    }

    private Batch prepare(Quarter quarter, List<Account> accounts) throws SQLException {
        List<Object[]> notices = new ArrayList<>(accounts.size());
        int skipped = 0;
        for (Account a : accounts) {
            try {
                notices.add(new Object[]{a, ProvisionalContribution.compute(quarter, a.category(), a.liableFrom(), a.incomes(), parameters.table())});
            } catch (RuleViolation e) {
                skipped++;
            }
        }
        if (notices.isEmpty()) {
            return new Batch("", "", "", 0, skipped);
        }
        long[] references = new long[notices.size()];
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT nextval('payment_reference_seq') FROM generate_series(1, ?)")) {
            p.setInt(1, notices.size());
            try (ResultSet rs = p.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    references[i] = rs.getLong(1);
                }
            }
        }
        String now = clock.instant().toString();
        String today = LocalDate.now(clock).toString();
        String due = quarter.lastDay().toString();
        long prefix = ((quarter.year() % 100) * 10L + quarter.number()) * 10_000_000L;
        String contributionLabel = be.caisse.common.i18n.Text.of("ledger.contribution", quarter).encode();
        String feeLabel = be.caisse.common.i18n.Text.of("ledger.fee", quarter).encode();
        StringBuilder noticeRows = new StringBuilder(notices.size() * 220);
        StringBuilder eventRows = new StringBuilder(notices.size() * 320);
        StringBuilder ledgerRows = new StringBuilder(notices.size() * 160);
        for (int i = 0; i < notices.size(); i++) {
            Account a = (Account) notices.get(i)[0];
            QuarterComputation q = (QuarterComputation) notices.get(i)[1];
            BigDecimal fee = ContributionFormula.fee(q.legalAmount(), feeRate);
            StructuredCommunication sc = StructuredCommunication.fromReference(prefix + references[i]);
            csv(noticeRows, Uuids.timeOrdered(), a.niss(), quarter, due, q.legalAmount().toPlainString(),
                    fee.toPlainString(), feeRate.toPlainString(), sc.digits(), a.category().name(),
                    q.basis().base().toPlainString(), q.basis().incomeSource(), q.basis().parameterYear(), q.basis().rule().encode(), now,
                    plain(q.basis().income()), q.basis().incomeYear(), plain(q.basis().coefficient()));
            if (q.legalAmount().signum() != 0) {
                csv(ledgerRows, a.niss(), quarter, "CONTRIBUTION", "PRINCIPAL", q.legalAmount().toPlainString(), due,
                        today, contributionLabel, now);
            }
            if (fee.signum() != 0) {
                csv(ledgerRows, a.niss(), quarter, "FEE", "PRINCIPAL", fee.toPlainString(), due, today,
                        feeLabel, now);
            }
            csv(eventRows, Uuids.timeOrdered(), ContributionEvents.TOPIC, ContributionEvents.NOTICE_ISSUED, source,
                    a.niss() + "/" + quarter, a.niss(), now, noticeIssued(a.niss(), quarter, due, q.legalAmount(), fee, sc.formatted()));
        }
        return new Batch(noticeRows.toString(), ledgerRows.toString(), eventRows.toString(), notices.size(), skipped);
    }

    /**
     * The notice-issued payload, written by hand: every value is digits, a date or a fixed word, so nothing needs
     * escaping, and it is the run's most repeated piece of work. Same shape as {@link ContributionEvents.NoticeIssued}.
     */
    static String noticeIssued(String niss, Quarter quarter, String due, BigDecimal legal, BigDecimal fee, String communication) {
        return "{\"niss\":\"" + niss + "\",\"quarter\":\"" + quarter + "\",\"dueDate\":\"" + due + "\",\"legalAmount\":"
                + legal.toPlainString() + ",\"fee\":" + fee.toPlainString() + ",\"total\":" + legal.add(fee).toPlainString()
                + ",\"structuredCommunication\":\"" + communication + "\"}";
    }

    private static void copy(Connection c, Batch batch) throws SQLException {
        if (batch.written() == 0) {
            return;
        }
        // COPY rather than INSERT: the rows per contributor (notice, ledger lines, outbox event) are the run's whole cost
        try {
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            copy.copyIn("COPY contribution_quarter (id, niss, quarter, due_date, legal_amount, fee, fee_rate, "
                    + "structured_communication, basis_category, basis_income, basis_income_source, basis_parameter_year, "
                    + "basis_rule, created_at, basis_reference_income, basis_income_year, basis_coefficient) FROM STDIN (FORMAT csv)",
                    new java.io.StringReader(batch.notices()));
            copy.copyIn("COPY ledger_entry (account, period, kind, component, amount, due_date, booked_on, description, created_at) "
                    + "FROM STDIN (FORMAT csv)", new java.io.StringReader(batch.ledger()));
            copy.copyIn("COPY outbox_event (event_id, topic, event_type, source, subject, aggregate_id, occurred_at, payload) "
                    + "FROM STDIN (FORMAT csv)", new java.io.StringReader(batch.events()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    private static Object plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** One CSV line; every value quoted, quotes doubled (the rule texts and JSON payloads hold commas and quotes). */
    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) { // an unquoted empty field is NULL
                out.append('"').append(String.valueOf(values[i]).replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

}
