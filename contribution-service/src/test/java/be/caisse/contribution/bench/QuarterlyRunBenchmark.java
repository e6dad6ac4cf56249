package be.caisse.contribution.bench;

import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.QuarterlyRunService;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.NoticeRunEntity;
import be.caisse.testsupport.KafkaTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import be.caisse.testsupport.Bench;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Benchmark of the quarterly call, end to end: a synthetic population is loaded with COPY, the run of 2026-Q1
 * writes the notices and their outbox rows, the relay publishes the events to Kafka. Prints contributors per
 * second for the run and end to end (events acknowledged by the broker), and, as the yardstick, the rate of a raw
 * COPY of as many rows into a table shaped like the notices, on the same database in the same run. Not a test: it
 * asserts nothing about speed and runs only on demand ({@code ./caisse bench [contributors]}).
 */
@QuarkusTest
@Tag("benchmark")
class QuarterlyRunBenchmark {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuarterlyRunService runs;

    @Test
    void quarterlyCall() throws Exception {
        int n = Integer.getInteger("caisse.bench.contributors", 100_000);
        Quarter quarter = Quarter.parse("2026-Q1");
        long seedStart = System.nanoTime();
        seed(dataSource, n);
        double seedSeconds = Bench.seconds(seedStart);

        long copyStart = System.nanoTime();
        yardstickCopy(n);
        double copySeconds = Bench.seconds(copyStart);

        long offsetsBefore = endOffsets();
        long runStart = System.nanoTime();
        NoticeRunEntity run = runs.runNow(quarter, "benchmark");
        double runSeconds = Bench.seconds(runStart);
        Bench.awaitOutboxDrained(dataSource);
        double endToEndSeconds = Bench.seconds(runStart);
        long events = endOffsets() - offsetsBefore;

        Bench.print("contributors                 %,d", n);
        Bench.print("seed (COPY accounts+incomes) %.1f s", seedSeconds);
        Bench.print("run: notices+ledger+outbox   %,d notices, %,d ledger rows, %,d skipped, %.1f s, %,.0f contributors/s", run.done,
                ledgerRows(quarter), run.skipped, runSeconds, run.done / runSeconds);
        Bench.print("end to end (events on Kafka) %,d events, %.1f s, %,.0f contributors/s", events, endToEndSeconds, run.done / endToEndSeconds);
        Bench.print("yardstick: raw COPY          %,d rows, %.1f s, %,.0f rows/s", n, copySeconds, n / copySeconds);
        Bench.print("peak RSS of the service JVM  %s (PostgreSQL and Kafka run in their own processes)", Bench.peakRss());
        Bench.print("target                       1,257,356 in 60 s = 20,956 contributors/s");
    }

    private long ledgerRows(Quarter quarter) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM ledger_entry WHERE period = '" + quarter + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }



    /** n principal/complementary/student accounts; 70 % with a 2023 income from the tax administration. */
    static void seed(AgroalDataSource dataSource, int n) throws SQLException, IOException {
        StringBuilder accounts = new StringBuilder(n * 80);
        StringBuilder incomes = new StringBuilder(n * 50);
        for (int i = 0; i < n; i++) {
            String body = String.format("%09d", 100_000_000 + i);
            String niss = body + String.format("%02d", 97 - Long.parseLong(body) % 97);
            String category = i % 20 < 15 ? "PRINCIPAL" : i % 20 < 19 ? "COMPLEMENTARY" : "STUDENT";
            String liableFrom = i % 10 == 0 ? "2025-04-01" : "2015-01-01";
            accounts.append(niss).append(",00000000-0000-0000-0000-").append(String.format("%012d", i)).append(',')
                    .append(category).append(',').append(liableFrom).append(",2026-01-01T00:00:00Z\n");
            if (i % 10 < 7) {
                incomes.append(niss).append(",2023,TAX_ADMINISTRATION,").append(15_000 + (i * 37L) % 120_000).append(".00,2026-01-01T00:00:00Z,bench\n");
            }
        }
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("COPY contribution_account (niss, affiliation_id, category, liable_from, opened_at) FROM STDIN (FORMAT csv)",
                    new StringReader(accounts.toString()));
            pg.getCopyAPI().copyIn("COPY reference_income (niss, year, source, amount, recorded_at, recorded_by) FROM STDIN (FORMAT csv)",
                    new StringReader(incomes.toString()));
            try (Statement s = c.createStatement()) {
                // every account liable in one period of its category, as the affiliation events leave it
                s.execute("INSERT INTO liability_period (niss, affiliation_id, category, starts_on) "
                        + "SELECT niss, affiliation_id, category, liable_from FROM contribution_account");
                s.execute("ANALYZE contribution_account");
                s.execute("ANALYZE liability_period");
                s.execute("ANALYZE reference_income");
            }
        }
    }

    /** The yardstick: COPY of n rows shaped like the notices into a scratch table. */
    private void yardstickCopy(int n) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder(n * 160);
        for (int i = 0; i < n; i++) {
            rows.append("00000000-0000-0000-0001-").append(String.format("%012d", i)).append(',')
                    .append(String.format("%011d", i)).append(",2026-Q1,2026-03-31,890.42,36.06,0.04050,")
                    .append(String.format("%012d", i)).append(",PRINCIPAL,17374.05,STARTER_MINIMUM_BASE,2026,bench,2026-01-01T00:00:00Z\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_copy (LIKE contribution_quarter)");
            s.execute("TRUNCATE bench_copy");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy (id, niss, quarter, due_date, legal_amount, fee, fee_rate, "
                    + "structured_communication, basis_category, basis_income, basis_income_source, basis_parameter_year, basis_rule, "
                    + "created_at) FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
        }
    }


    private long endOffsets() throws Exception {
        Properties p = be.caisse.testsupport.TopicReader.as(be.caisse.stack.KafkaAccess.ADMIN);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            var names = admin.listTopics().names().get();
            if (!names.contains(ContributionEvents.TOPIC)) {
                return 0;
            }
            var partitions = admin.describeTopics(java.util.List.of(ContributionEvents.TOPIC)).allTopicNames().get()
                    .get(ContributionEvents.TOPIC).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(
                    tp -> new TopicPartition(ContributionEvents.TOPIC, tp.partition()), tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

}
