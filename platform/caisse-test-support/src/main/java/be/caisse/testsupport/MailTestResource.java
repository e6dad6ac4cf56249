package be.caisse.testsupport;

import be.caisse.stack.MailServer;
import be.caisse.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real SMTP and IMAP server (GreenMail, in its own JVM, started by the same code as {@code ./caisse up}) for a
 * {@code @QuarkusTest}: the service's mailer sends to it, the test reads the mailbox over IMAP ({@link MailBox}).
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile int imapPort;
    private Process process;

    public static int imapPort() {
        return imapPort;
    }

    @Override
    public Map<String, String> start() {
        try {
            int smtp = Ports.free();
            int imap = Ports.free();
            Path log = Files.createTempFile("caisse-mail-test", ".log");
            process = new ProcessBuilder(MailServer.command(smtp, imap)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!open(smtp) || !open(imap)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Mail server did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            imapPort = imap;
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(smtp));
        } catch (IOException e) {
            throw new IllegalStateException("Mail server did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean open(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
