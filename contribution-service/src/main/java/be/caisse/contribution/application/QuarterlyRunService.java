package be.caisse.contribution.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.StructuredCommunication;
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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The quarterly call (appel trimestriel): a payment notice for every liable contributor of a quarter, with its
 * amount, breakdown, due date and a unique structured communication, and one event per notice.
 *
 * <p>Set-based and batched: the accounts without a notice for the quarter are read in key order, a batch at a time,
 * their incomes with one query, the amounts computed in memory by the domain, and the notices and their outbox
 * events written with batched inserts, one transaction per batch. The run is idempotent and restartable: a notice
 * exists at most once per account and quarter, so running the quarter again only does what is left; its progress
 * (done, total, rate) is readable while it runs. An account whose quarter cannot be computed (a missing parameter)
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
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    @ConfigProperty(name = "caisse.contribution.run.batch-size", defaultValue = "2000")
    int batchSize;

    @ConfigProperty(name = "caisse.events.source")
    String source;

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
        try {
            NoticeRunEntity run = begin(quarter, by);
            if ("COMPLETED".equals(run.status)) {
                running.remove(quarter.toString());
                return run;
            }
            executor.submit(() -> {
                try {
                    runQuietly(quarter);
                } finally {
                    running.remove(quarter.toString());
                }
            });
            return run;
        } catch (RuntimeException e) {
            running.remove(quarter.toString());
            throw e;
        }
    }

    /** Runs the quarter to its end in the calling thread (the benchmark uses it). */
    public NoticeRunEntity runNow(Quarter quarter, String by) {
        if (!running.add(quarter.toString())) {
            throw DomainProblem.conflict("run-running", "Run in progress", "The call run of " + quarter + " is running.");
        }
        try {
            begin(quarter, by);
            runQuietly(quarter);
            return QuarkusTransaction.requiringNew().call(() -> NoticeRunEntity.findById(quarter.toString()));
        } finally {
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
            throw DomainProblem.notFound("run", "No call run was started for " + quarter + ".");
        }
        return r;
    }

    private void runQuietly(Quarter quarter) {
        try {
            run(quarter);
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

    private record Account(String niss, ContributorCategory category, LocalDate liableFrom) {
    }

    private void run(Quarter quarter) throws SQLException {
        String after = "";
        while (true) {
            List<Account> batch;
            int written;
            int skipped = 0;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                batch = nextAccounts(c, quarter, after);
                if (batch.isEmpty()) {
                    c.commit();
                    break;
                }
                Map<String, List<ReferenceIncome>> incomes = incomesOf(c, batch);
                List<Object[]> notices = new ArrayList<>(batch.size());
                for (Account a : batch) {
                    try {
                        QuarterComputation q = ProvisionalContribution.compute(quarter, a.category(), a.liableFrom(),
                                incomes.getOrDefault(a.niss(), List.of()), parameters.table());
                        notices.add(new Object[]{a, q});
                    } catch (RuleViolation e) {
                        skipped++;
                    }
                }
                written = write(c, quarter, notices);
                try (PreparedStatement p = c.prepareStatement("UPDATE notice_run SET done = done + ?, skipped = skipped + ? WHERE quarter = ?")) {
                    p.setInt(1, written);
                    p.setInt(2, skipped);
                    p.setString(3, quarter.toString());
                    p.executeUpdate();
                }
                c.commit();
            }
            after = batch.get(batch.size() - 1).niss();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeRunEntity r = NoticeRunEntity.findById(quarter.toString());
            r.status = "COMPLETED";
            r.finishedAt = OffsetDateTime.now(clock);
        });
    }

    /** Accounts liable in the quarter (a liability period covers it) and still without a notice for it. */
    private static final String LIABLE_WITHOUT_NOTICE = "FROM liability_period p JOIN contribution_account a ON a.niss = p.niss "
            + "WHERE p.starts_on <= ? AND (p.ends_on IS NULL OR p.ends_on >= ?) AND NOT EXISTS "
            + "(SELECT 1 FROM contribution_quarter q WHERE q.niss = p.niss AND q.quarter = ?)";

    private int remaining(Quarter quarter) {
        return ((Number) NoticeRunEntity.getEntityManager().createNativeQuery("SELECT count(DISTINCT p.niss) " + LIABLE_WITHOUT_NOTICE)
                .setParameter(1, quarter.lastDay()).setParameter(2, quarter.firstDay())
                .setParameter(3, quarter.toString()).getSingleResult()).intValue();
    }

    private List<Account> nextAccounts(Connection c, Quarter quarter, String after) throws SQLException {
        List<Account> accounts = new ArrayList<>(batchSize);
        // a category change takes effect on a quarter's first day; should two periods still cover one quarter, the
        // later one's category applies
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT ON (p.niss) p.niss, p.category, a.liable_from "
                + LIABLE_WITHOUT_NOTICE + " AND p.niss > ? ORDER BY p.niss, p.starts_on DESC LIMIT ?")) {
            p.setObject(1, quarter.lastDay());
            p.setObject(2, quarter.firstDay());
            p.setString(3, quarter.toString());
            p.setString(4, after);
            p.setInt(5, batchSize);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new Account(rs.getString(1), ContributorCategory.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
                }
            }
        }
        return accounts;
    }

    private Map<String, List<ReferenceIncome>> incomesOf(Connection c, List<Account> batch) throws SQLException {
        Map<String, List<ReferenceIncome>> incomes = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT niss, year, source, amount FROM reference_income WHERE niss = ANY (?)")) {
            p.setArray(1, c.createArrayOf("varchar", batch.stream().map(Account::niss).toArray()));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    incomes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReferenceIncome(rs.getInt(2),
                            rs.getBigDecimal(4), IncomeSource.valueOf(rs.getString(3))));
                }
            }
        }
        return incomes;
    }

    private int write(Connection c, Quarter quarter, List<Object[]> notices) throws SQLException {
        if (notices.isEmpty()) {
            return 0;
        }
        long[] references = new long[notices.size()];
        try (PreparedStatement p = c.prepareStatement("SELECT nextval('payment_reference_seq') FROM generate_series(1, ?)")) {
            p.setInt(1, notices.size());
            try (ResultSet rs = p.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    references[i] = rs.getLong(1);
                }
            }
        }
        // COPY rather than INSERT: the two rows per contributor (notice, outbox event) are the run's whole cost.
        String now = clock.instant().toString();
        long prefix = ((quarter.year() % 100) * 10L + quarter.number()) * 10_000_000L;
        StringBuilder noticeRows = new StringBuilder(notices.size() * 220);
        StringBuilder eventRows = new StringBuilder(notices.size() * 320);
        StringBuilder ledgerRows = new StringBuilder(notices.size() * 160);
        String today = LocalDate.now(clock).toString();
        for (int i = 0; i < notices.size(); i++) {
            Account a = (Account) notices.get(i)[0];
            QuarterComputation q = (QuarterComputation) notices.get(i)[1];
            BigDecimal fee = ContributionFormula.fee(q.legalAmount(), feeRate);
            StructuredCommunication sc = StructuredCommunication.fromReference(prefix + references[i]);
            csv(noticeRows, UUID.randomUUID(), a.niss(), quarter, quarter.lastDay(), q.legalAmount().toPlainString(),
                    fee.toPlainString(), feeRate.toPlainString(), sc.digits(), a.category().name(),
                    q.basis().base().toPlainString(), q.basis().incomeSource(), q.basis().parameterYear(), q.basis().rule(), now);
            if (q.legalAmount().signum() != 0) {
                csv(ledgerRows, a.niss(), quarter, "CONTRIBUTION", "PRINCIPAL", q.legalAmount().toPlainString(), quarter.lastDay(),
                        today, "Provisional contribution " + quarter, now);
            }
            if (fee.signum() != 0) {
                csv(ledgerRows, a.niss(), quarter, "FEE", "PRINCIPAL", fee.toPlainString(), quarter.lastDay(), today,
                        "Management fee " + quarter, now);
            }
            csv(eventRows, UUID.randomUUID(), ContributionEvents.TOPIC, ContributionEvents.NOTICE_ISSUED, source,
                    a.niss() + "/" + quarter, a.niss(), now, payload(new ContributionEvents.NoticeIssued(a.niss(), quarter.toString(),
                            quarter.lastDay(), q.legalAmount(), fee, q.legalAmount().add(fee), sc.formatted())));
        }
        try {
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            copy.copyIn("COPY contribution_quarter (id, niss, quarter, due_date, legal_amount, fee, fee_rate, "
                    + "structured_communication, basis_category, basis_income, basis_income_source, basis_parameter_year, "
                    + "basis_rule, created_at) FROM STDIN (FORMAT csv)", new java.io.StringReader(noticeRows.toString()));
            copy.copyIn("COPY ledger_entry (account, period, kind, component, amount, due_date, booked_on, description, created_at) "
                    + "FROM STDIN (FORMAT csv)", new java.io.StringReader(ledgerRows.toString()));
            copy.copyIn("COPY outbox_event (event_id, topic, event_type, source, subject, aggregate_id, occurred_at, payload) "
                    + "FROM STDIN (FORMAT csv)", new java.io.StringReader(eventRows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        return notices.size();
    }

    /** One CSV line; every value quoted, quotes doubled (the rule texts and JSON payloads hold commas and quotes). */
    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(String.valueOf(values[i]).replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }

    private String payload(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
