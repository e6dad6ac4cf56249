package be.caisse.benefits.bench;

import be.caisse.benefits.application.PaymentService;
import be.caisse.benefits.persistence.PaymentRunEntity;
import be.caisse.common.time.CaisseClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import be.caisse.testsupport.Bench;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Benchmark of a monthly payment run: n decided claims with one payment each due this month (one in ten paid after
 * the Charter's 4 months, so with interest), loaded with COPY; the run selects them, computes the interest, writes
 * the pain.001 file and one payment-ordered event each in the outbox, in one transaction; the relay publishes the
 * events. Prints payments per second for the run and end to end (outbox drained to Kafka), the file's size, and as
 * the yardstick a raw COPY of as many rows shaped like the payments, on the same database in the same run. Not a
 * test: it asserts nothing about speed and runs only on demand ({@code ./caisse bench payments [n]}).
 */
@QuarkusTest
@Tag("benchmark")
class PaymentRunBenchmark {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaymentService payments;

    @Inject
    CaisseClock clock;

    @Test
    void monthlyRun() throws Exception {
        int n = Integer.getInteger("caisse.bench.payments", 100_000);
        clock.setToday(LocalDate.of(2026, 12, 1));
        long seedStart = System.nanoTime();
        seed(n);
        double seedSeconds = Bench.seconds(seedStart);

        long copyStart = System.nanoTime();
        yardstickCopy(n);
        double copySeconds = Bench.seconds(copyStart);

        long runStart = System.nanoTime();
        PaymentRunEntity run = payments.run(LocalDate.of(2026, 12, 31), "benchmark");
        double runSeconds = Bench.seconds(runStart);
        Bench.awaitOutboxDrained(dataSource);
        double endToEndSeconds = Bench.seconds(runStart);
        Bench.print("payments                     %,d", n);
        Bench.print("seed (COPY claims+payments)  %.1f s", seedSeconds);
        Bench.print("run: select, interest, file, outbox  %,d payments (%s interest), file %,d bytes, %.1f s, %,.0f payments/s",
                run.payments, run.interest.toPlainString(), run.file.length(), runSeconds, run.payments / runSeconds);
        Bench.print("end to end (events on Kafka) %.1f s, %,.0f payments/s", endToEndSeconds, run.payments / endToEndSeconds);
        Bench.print("yardstick: raw COPY          %,d rows, %.1f s, %,.0f rows/s", n, copySeconds, n / copySeconds);
        Bench.print("run / yardstick              %.1f× the time of the raw COPY", runSeconds / copySeconds);
        Bench.print("peak RSS of the service JVM  %s", Bench.peakRss());
    }



    private void seed(int n) throws SQLException, IOException {
        StringBuilder persons = new StringBuilder(n * 60);
        StringBuilder claims = new StringBuilder(n * 200);
        StringBuilder rows = new StringBuilder(n * 160);
        for (int i = 0; i < n; i++) {
            String body = String.format("%09d", 200_000_000 + i);
            String niss = body + String.format("%02d", 97 - Long.parseLong(body) % 97);
            String claim = String.format("00000000-0000-0000-0002-%012d", i);
            String notified = i % 10 == 0 ? "2026-07-15" : "2026-11-15"; // one in ten past the 4 months by 31 December
            persons.append(niss).append(",Prénom").append(i).append(",Nom").append(i).append(",fr,2026-01-01T00:00:00Z\n");
            claims.append(claim).append(",BEN-2026-").append(String.format("%07d", i)).append(',').append(niss)
                    .append(",BRIDGING_RIGHT,DECIDED,FUND,2026-06-30,2026-07-01,2026-06-30,0,{},bench,2026-07-01T00:00:00Z,")
                    .append("2026-07-01T00:00:00Z,").append(notified).append('\n');
            rows.append(String.format("00000000-0000-0000-0003-%012d", i)).append(',').append(claim).append(',').append(niss)
                    .append(",2026-12,2026-12-31,1704.45,0,SCHEDULED,BE71096123456769,2026-07-01T00:00:00Z\n");
        }
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("COPY known_person (niss, first_name, last_name, language, updated_at) FROM STDIN (FORMAT csv)",
                    new StringReader(persons.toString()));
            pg.getCopyAPI().copyIn("COPY claim (id, reference, niss, type, status, origin, fact_date, filed_on, clock_start, days_suspended, "
                    + "details, created_by, created_at, updated_at, notified_on) FROM STDIN (FORMAT csv)", new StringReader(claims.toString()));
            pg.getCopyAPI().copyIn("COPY benefit_payment (id, claim_id, niss, period, due_date, amount, interest, status, iban, created_at) "
                    + "FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE claim");
                s.execute("ANALYZE benefit_payment");
                s.execute("ANALYZE known_person");
            }
        }
    }

    /** The yardstick: COPY of n rows shaped like the payments into a scratch table. */
    private void yardstickCopy(int n) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder(n * 160);
        for (int i = 0; i < n; i++) {
            rows.append(String.format("00000000-0000-0000-0004-%012d", i)).append(',')
                    .append(String.format("00000000-0000-0000-0002-%012d", i)).append(',').append(String.format("%011d", i))
                    .append(",2026-12,2026-12-31,1704.45,0,IN_RUN,BE71096123456769,2026-07-01T00:00:00Z\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_copy (LIKE benefit_payment INCLUDING DEFAULTS)");
            s.execute("TRUNCATE bench_copy");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy (id, claim_id, niss, period, due_date, amount, interest, status, "
                    + "iban, created_at) FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
        }
    }


}
