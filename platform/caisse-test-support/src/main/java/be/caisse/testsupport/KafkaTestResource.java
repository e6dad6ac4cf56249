package be.caisse.testsupport;

import be.caisse.stack.KafkaAccess;
import be.caisse.stack.KafkaBroker;
import be.caisse.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, single node) for a {@code @QuarkusTest}, started by the same code as
 * {@code ./caisse up}, in its own JVM, on free ports and a throw-away folder.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile String bootstrap;
    private Process process;
    private Path dir;

    /** The running broker's address, for test code that reads or writes topics. */
    public static String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("caisse-kafka-test");
            int port = freePort();
            int controllerPort = freePort();
            Path properties = KafkaBroker.prepare(dir, "127.0.0.1", port, controllerPort);
            process = new ProcessBuilder(KafkaBroker.command(dir, "kafka.Kafka", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
            bootstrap = "127.0.0.1:" + port;
            TopicReader.awaitBroker(bootstrap, Duration.ofSeconds(90), process);
            KafkaBroker.applyAccessRules(dir, bootstrap);
            // the service under test connects as itself: what its access rules do not allow fails its tests
            Map<String, String> config = new java.util.HashMap<>();
            config.put("kafka.bootstrap.servers", bootstrap);
            KafkaAccess.clientConfig(user()).forEach((k, v) -> config.put("kafka." + k, v));
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code caisse.kafka.user}, else the module under test when it is a service, else admin. */
    static String user() {
        String named = System.getProperty("caisse.kafka.user");
        if (named != null && !named.isBlank()) {
            return named;
        }
        String module = Path.of("").toAbsolutePath().getFileName().toString();
        return KafkaAccess.users().containsKey(module) ? module : KafkaAccess.ADMIN;
    }

    @Override
    public void stop() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        return Ports.free();
    }
}
