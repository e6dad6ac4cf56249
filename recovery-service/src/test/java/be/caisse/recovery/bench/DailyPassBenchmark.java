package be.caisse.recovery.bench;

import be.caisse.common.time.CaisseClock;
import be.caisse.recovery.application.RecoveryService;
import be.caisse.testsupport.Bench;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Benchmark of the recovery daily pass: n open cases (one debt item each) loaded with COPY, a third of them with a
 * timer due today (in equal parts: the first reminder, the second, the registered last reminder), the rest later.
 * The pass moves each due case one step — its trail line, its next timer, its case-moved event in the outbox — in
 * batches of their own transactions; the relay publishes the events. Prints the cases moved per second for the pass
 * and end to end (outbox drained to Kafka), a second pass the same day (nothing to move), the worklist's answer
 * over all the open cases, and as the yardstick a
 * raw COPY of as many rows shaped like the trail lines, on the same database in the same run. Not a test: it asserts
 * nothing about speed and runs only on demand ({@code ./caisse bench recovery [n]}).
 */
@QuarkusTest
@Tag("benchmark")
class DailyPassBenchmark {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecoveryService recovery;

    @Inject
    CaisseClock clock;

    @Test
    @io.quarkus.test.security.TestSecurity(user = "agent", roles = "agent")
    void dailyPass() throws Exception {
        int n = Integer.getInteger("caisse.bench.cases", 100_000);
        LocalDate today = LocalDate.of(2026, 12, 1);
        clock.setToday(today);
        long seedStart = System.nanoTime();
        int due = seed(n, today);
        double seedSeconds = Bench.seconds(seedStart);

        long copyStart = System.nanoTime();
        yardstickCopy(due, today);
        double copySeconds = Bench.seconds(copyStart);

        long passStart = System.nanoTime();
        int moved = recovery.pass();
        double passSeconds = Bench.seconds(passStart);
        Bench.awaitOutboxDrained(dataSource);
        double endToEndSeconds = Bench.seconds(passStart);
        long againStart = System.nanoTime();
        int again = recovery.pass();
        double againSeconds = Bench.seconds(againStart);
        long worklistStart = System.nanoTime();
        int waiting = io.restassured.RestAssured.given().queryParam("size", 100).get("/recovery/worklist").then().statusCode(200)
                .extract().path("totalItems");
        double worklistSeconds = Bench.seconds(worklistStart);
        Bench.print("open cases                   %,d (%,d due today)", n, due);
        Bench.print("seed (COPY cases+items)      %.1f s", seedSeconds);
        Bench.print("pass: %,d cases moved (trail, timer, event), %.1f s, %,.0f cases/s", moved, passSeconds, moved / passSeconds);
        Bench.print("end to end (events on Kafka) %.1f s, %,.0f cases/s", endToEndSeconds, moved / endToEndSeconds);
        Bench.print("second pass the same day     %,d moved, %.2f s", again, againSeconds);
        Bench.print("worklist over every open case %,d items, %.1f s", waiting, worklistSeconds);
        Bench.print("yardstick: raw COPY          %,d trail rows, %.1f s, %,.0f rows/s", due, copySeconds, due / copySeconds);
        Bench.print("pass / yardstick             %.1f× the time of the raw COPY", passSeconds / copySeconds);
        Bench.print("peak RSS of the service JVM  %s", Bench.peakRss());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT state, count(*) FROM recovery_case GROUP BY state ORDER BY state")) {
            while (r.next()) {
                Bench.print("  %-24s %,d", r.getString(1), r.getLong(2));
            }
        }
    }

    /** n cases, a third due today; returns how many are due. */
    private int seed(int n, LocalDate today) throws Exception {
        StringBuilder cases = new StringBuilder(n * 200);
        StringBuilder items = new StringBuilder(n * 80);
        String[][] dueSteps = {{"OPEN", "REMINDED"}, {"REMINDED", "SECOND_REMINDED"}, {"SECOND_REMINDED", "LAST_REMINDER"}};
        int due = 0;
        for (int i = 0; i < n; i++) {
            String id = String.format("00000000-0000-0000-0005-%012d", i);
            String debtor = String.format("%011d", 10_000_000_000L + i);
            boolean isDue = i % 3 == 0;
            String[] step = dueSteps[(i / 3) % 3];
            LocalDate on = isDue ? today : today.plusDays(1 + i % 20);
            due += isDue ? 1 : 0;
            cases.append(id).append(',').append(String.format("REC-2026-%07d", i)).append(',').append(debtor).append(',')
                    .append(step[0]).append(',').append(today.minusDays(15)).append(',').append(step[1]).append(',').append(on)
                    .append(',').append(today.minusDays(60)).append(",2026-10-01T00:00:00Z\n");
            items.append(id).append(",2026-Q3,PRINCIPAL,926.48\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE case_step, debt_item, case_contact, plan_instalment, payment_plan, recovery_case CASCADE");
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("COPY recovery_case (id, reference, debtor, state, since, next_step, next_step_on, opened_on, updated_at) "
                    + "FROM STDIN (FORMAT csv)", new StringReader(cases.toString()));
            pg.getCopyAPI().copyIn("COPY debt_item (case_id, period, component, amount) FROM STDIN (FORMAT csv)", new StringReader(items.toString()));
            s.execute("ANALYZE recovery_case");
            s.execute("ANALYZE debt_item");
        }
        return due;
    }

    /** The yardstick: COPY of as many rows shaped like the trail lines into a scratch table. */
    private void yardstickCopy(int n, LocalDate today) throws Exception {
        StringBuilder rows = new StringBuilder(n * 120);
        for (int i = 0; i < n; i++) {
            rows.append(String.format("00000000-0000-0000-0005-%012d", i * 3)).append(",OPEN,REMINDED,").append(today)
                    .append(",system:recovery,,2026-12-01T01:30:00Z\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_copy (LIKE case_step INCLUDING DEFAULTS)");
            s.execute("TRUNCATE bench_copy");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy (case_id, from_state, to_state, on_date, by_whom, note, at) "
                    + "FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
        }
    }
}
