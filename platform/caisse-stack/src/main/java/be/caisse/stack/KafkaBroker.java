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

    /** Kafka's classpath, and the kafka-broker module itself (its AccessSetup). */
    public static String classpath() throws IOException {
        java.net.URL where = KafkaBroker.class.getResource("/caisse/kafka-broker.classpath");
        if (where == null) {
            throw new IOException("kafka-broker.classpath not found: build the project first (./mvnw install)");
        }
        String own;
        try {
            java.net.URLConnection c = where.openConnection();
            own = c instanceof java.net.JarURLConnection jar ? Path.of(jar.getJarFileURL().toURI()).toString()
                    : Path.of(where.toURI()).getParent().getParent().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (InputStream in = where.openStream()) {
            return own + java.io.File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /**
     * Writes the configuration and formats the storage (once, with the SCRAM credentials of {@link KafkaAccess});
     * returns the server.properties path. A folder formatted with other credentials (or before there were any) is
     * formatted again: its topics are lost, which on a developer's machine or in a test is what starting again means.
     */
    public static Path prepare(Path dir, String host, int port, int controllerPort) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        String brokerPassword = KafkaAccess.password(KafkaAccess.BROKER);
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                // every listener authenticates: SCRAM for clients (and the broker itself), PLAIN between the broker
                // and its controller (SCRAM's credentials live in the metadata the controller serves)
                "listeners=CLIENT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=CLIENT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.client.sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=" + KafkaAccess.jaas(KafkaAccess.BROKER, brokerPassword),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                        + "required username=\"" + KafkaAccess.BROKER + "\" password=\"" + brokerPassword + "\" user_"
                        + KafkaAccess.BROKER + "=\"" + brokerPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + KafkaAccess.BROKER + ";User:" + KafkaAccess.ADMIN,
                "allow.everyone.if.no.acl.found=false",
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
        Path credentials = dir.resolve("credentials.sha256");
        String fingerprint = fingerprint(KafkaAccess.users());
        boolean formatted = Files.exists(data.resolve("meta.properties"));
        if (formatted && !(Files.exists(credentials) && Files.readString(credentials).equals(fingerprint))) {
            deleteTree(data);
            Files.createDirectories(data);
            formatted = false;
        }
        if (!formatted) {
            List<String> args = new ArrayList<>(List.of("format", "-t", CLUSTER_ID, "--ignore-formatted", "-c", properties.toString()));
            KafkaAccess.users().forEach((user, password) -> {
                args.add("--add-scram");
                args.add(KafkaAccess.MECHANISM + "=[name=" + user + ",password=" + password + "]");
            });
            Process format = new ProcessBuilder(command(dir, "kafka.tools.StorageTool", args.toArray(String[]::new)))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
            if (format.waitFor() != 0) {
                throw new IOException("Kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
            Files.writeString(credentials, fingerprint);
        }
        return properties;
    }

    /**
     * Writes the access rules of {@link KafkaAccess} into the running broker (as admin, on Kafka's classpath), and
     * waits for them: a client started after this is authorised exactly as the rules say.
     */
    public static void applyAccessRules(Path dir, String bootstrap) throws IOException, InterruptedException {
        Path rules = dir.resolve("access-rules.txt");
        Files.write(rules, KafkaAccess.rules());
        Process setup = new ProcessBuilder(command(dir, "be.caisse.kafka.AccessSetup", bootstrap, KafkaAccess.ADMIN,
                KafkaAccess.password(KafkaAccess.ADMIN), rules.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("access-setup.log").toFile()).start();
        if (!setup.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || setup.exitValue() != 0) {
            setup.destroyForcibly();
            throw new IOException("Kafka access rules were not written: " + Files.readString(dir.resolve("access-setup.log")));
        }
    }

    private static String fingerprint(Map<String, String> users) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            users.forEach((u, p) -> sha.update((u + "=" + p + "\n").getBytes(StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
