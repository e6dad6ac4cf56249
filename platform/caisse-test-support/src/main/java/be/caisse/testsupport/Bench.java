package be.caisse.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the benchmarks share: the printed lines, the clock, the outbox still to publish, the peak memory. */
public final class Bench {
    private Bench() {
    }

    /** One result line, {@code [bench] …}: {@code ./caisse bench} greps them out of the test output. */
    public static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }

    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Events in the outbox not yet acknowledged by Kafka. */
    public static long unpublished(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the relay has published every event of the outbox (at most an hour). */
    public static void awaitOutboxDrained(DataSource dataSource) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        while (unpublished(dataSource) > 0) {
            Thread.sleep(100);
            if (seconds(start) > 3600) {
                throw new IllegalStateException("relay did not drain within an hour");
            }
        }
    }

    /** The peak resident memory of this JVM (VmHWM). */
    public static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(6).trim()).findFirst().orElse("unknown");
    }
}
