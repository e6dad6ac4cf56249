package be.caisse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), in a JVM of its own with
 * Kafka's own classpath (written by the kafka-broker module). Every replication factor and ISR is 1.
 */
public final class KafkaBroker {
    /** A fixed cluster id (base64 of "caisse-kafka-001"), so that a formatted folder is reused as is. */
    static final String CLUSTER_ID = "Y2Fpc3NlLWthZmthLTAwMQ";

    private KafkaBroker() {
    }

    public static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/caisse/kafka-broker.classpath")) {
            if (in == null) {
                throw new IOException("kafka-broker.classpath not found: build the project first (./mvnw install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** Writes the configuration and formats the storage (once); returns the server.properties path. */
    public static Path prepare(Path dir, String host, int port, int controllerPort) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "") );
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=OUT",
                "appender.out.type=Console",
                "appender.out.name=OUT",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                ""));
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(command(dir, "kafka.tools.StorageTool", "format", "-t", CLUSTER_ID,
                    "--ignore-formatted", "-c", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IOException("Kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        }
        return properties;
    }

    public static List<String> command(Path dir, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the broker of the stack as a managed process. */
    public static ManagedProcess start(StackConfig config) throws IOException, InterruptedException {
        Path dir = config.home().resolve("kafka");
        Path properties = prepare(dir, config.host(), config.kafkaPort(), config.kafkaControllerPort());
        return ManagedProcess.start(config, "kafka", command(dir, "kafka.Kafka", properties.toString()), dir, Map.of());
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
