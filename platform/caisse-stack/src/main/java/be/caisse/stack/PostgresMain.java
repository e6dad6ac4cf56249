package be.caisse.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL process of {@code ./caisse up}: starts the server with one database per service, writes a ready
 * marker, and stops the server cleanly when this JVM is asked to stop (SIGTERM).
 * Arguments: port, data folder, ready-marker file.
 */
public final class PostgresMain {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Path ready = Path.of(args[2]);
        Files.deleteIfExists(ready);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, data, StackConfig.DATABASES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        System.out.println("PostgreSQL ready on port " + server.port());
        stopped.await();
    }
}
