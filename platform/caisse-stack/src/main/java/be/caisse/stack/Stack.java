package be.caisse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole system on loopback: PostgreSQL, Kafka, Keycloak, the four services and the gateway. {@link #up()}
 * returns once every part answers ready; {@link #down()} stops every process it recorded.
 */
public final class Stack {
    /** Start order for stop in reverse: infrastructure first, gateway last. */
    static final List<String> PARTS = List.of("postgres", "kafka", "keycloak", "mail",
            "affiliation-service", "contribution-service", "benefits-service", "recovery-service", "gateway");
    static final List<String> SERVICES = List.of("affiliation-service", "contribution-service", "benefits-service",
            "recovery-service");

    private final StackConfig config;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

    public Stack(StackConfig config) {
        this.config = config;
    }

    public StackConfig config() {
        return config;
    }

    public void up() throws Exception {
        Files.createDirectories(config.home());
        List<String> busy = busyPorts();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy
                    + " (is a stack already running? ./caisse status; other ports via CAISSE_*_PORT)");
        }
        long start = System.nanoTime();
        ManagedProcess postgres = startPostgres();
        ManagedProcess kafka = KafkaBroker.start(config);
        ManagedProcess keycloak = Keycloak.start(config);
        ManagedProcess mail = MailServer.start(config);
        processes.put("mail", mail);
        processes.put("postgres", postgres);
        processes.put("kafka", kafka);
        processes.put("keycloak", keycloak);
        Path ready = config.home().resolve("postgres.ready");
        postgres.awaitReady(config, Duration.ofSeconds(120), () -> Files.exists(ready));
        log("postgres ready");
        processes.put("gateway", startService("gateway"));
        kafka.awaitReady(config, Duration.ofSeconds(120), () -> ManagedProcess.portOpen(config.host(), config.kafkaPort()));
        // the services' clients are refused until the access rules are in: they start after them
        KafkaBroker.applyAccessRules(config.home().resolve("kafka"), config.kafkaBootstrap());
        log("kafka ready (SASL/SCRAM, access rules in place)");
        for (String service : SERVICES) {
            processes.put(service, startService(service));
        }
        mail.awaitReady(config, Duration.ofSeconds(60), () -> ManagedProcess.portOpen(config.host(), config.smtpPort()));
        log("mail ready (SMTP " + config.smtpPort() + ", IMAP " + config.imapPort() + ")");
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (String name : List.of("affiliation-service", "contribution-service", "benefits-service", "recovery-service", "gateway")) {
            ManagedProcess p = processes.get(name);
            String url = "http://" + config.host() + ":" + config.servicePorts().get(name) + "/q/health/ready";
            waits.add(CompletableFuture.runAsync(() -> {
                p.awaitReady(config, Duration.ofSeconds(240), () -> ManagedProcess.httpOk(url));
                log(name + " ready");
            }));
        }
        waits.add(CompletableFuture.runAsync(() -> {
            keycloak.awaitReady(config, Duration.ofSeconds(300), () -> ManagedProcess.httpOk(Keycloak.readinessUrl(config)));
            log("keycloak ready");
        }));
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        log(String.format("all parts ready in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    private ManagedProcess startPostgres() throws IOException {
        Path ready = config.home().resolve("postgres.ready");
        Files.deleteIfExists(ready);
        List<String> command = List.of(KafkaBroker.javaBinary(), "-Xmx96m", "-XX:+UseSerialGC",
                "-cp", stackClasspath(), PostgresMain.class.getName(),
                Integer.toString(config.postgresPort()), config.home().resolve("postgres").toString(), ready.toString());
        return ManagedProcess.start(config, "postgres", command, config.home(), Map.of());
    }

    /** The stack module's own classpath (written by its build) runs the PostgreSQL child. */
    private String stackClasspath() throws IOException {
        Path module = config.repo().resolve("platform/caisse-stack/target");
        Path file = module.resolve("stack.classpath");
        if (!Files.exists(file)) {
            return System.getProperty("java.class.path");
        }
        return module.resolve("classes") + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    /**
     * {@code CAISSE_CLOCK_ADJUSTABLE=true} (environment or system property): the services' date can be set by an
     * admin, for a demo or the end-to-end walk through a year. Never in production.
     */
    static boolean clockAdjustable() {
        return Boolean.parseBoolean(System.getProperty("CAISSE_CLOCK_ADJUSTABLE", System.getenv().getOrDefault("CAISSE_CLOCK_ADJUSTABLE", "false")));
    }

    private ManagedProcess startService(String name) throws IOException {
        Path jar = config.repo().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaBinary(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC"));
        if (!name.equals("gateway")) {
            // The services start faster with the first compiler only. The gateway is on every request's path and
            // lives long: it gets the optimising compiler (token checks and header copies are its hot code).
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + config.servicePorts().get(name),
                "-Dquarkus.http.host=" + config.host(),
                "-Dquarkus.oidc.auth-server-url=" + config.realmUrl(),
                "-Dkafka.bootstrap.servers=" + config.kafkaBootstrap()));
        if (name.equals("gateway")) {
            command.add("-Dcaisse.gateway.upstream.affiliations=http://" + config.host() + ":" + config.affiliationPort());
            command.add("-Dcaisse.gateway.upstream.contributions=http://" + config.host() + ":" + config.contributionPort());
            command.add("-Dcaisse.gateway.upstream.benefits=http://" + config.host() + ":" + config.benefitsPort());
            command.add("-Dcaisse.gateway.upstream.recovery=http://" + config.host() + ":" + config.recoveryPort());
        } else {
            String db = name.replace("-service", "");
            if (name.equals("affiliation-service")) {
                // the one service that writes to members: e-mail through the stack's SMTP server
                command.add("-Dquarkus.mailer.host=" + config.host());
                command.add("-Dquarkus.mailer.port=" + config.smtpPort());
                command.add("-Dcaisse.documents.mail.link-base=" + config.gatewayUrl());
            }
            command.add("-Dquarkus.datasource.jdbc.url=" + config.jdbcUrl(db));
            if (clockAdjustable()) {
                command.add("-Dcaisse.clock.adjustable=true");
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        // the service's Kafka identity, in its environment (not on a command line every local user can read)
        Map<String, String> environment = new java.util.HashMap<>();
        if (!name.equals("gateway")) {
            KafkaAccess.clientConfig(name).forEach((key, value) ->
                    environment.put("KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        }
        return ManagedProcess.start(config, name, command, config.repo().resolve(name), environment);
    }

    /** Stops one service (for restart tests), keeping the others. */
    public void stop(String name) throws IOException {
        ManagedProcess p = processes.remove(name);
        if (p == null) {
            p = ManagedProcess.recorded(config, name).orElse(null);
        }
        if (p != null) {
            p.stop(Duration.ofSeconds(30));
        }
        ManagedProcess.forget(config, name);
    }

    /** Starts one service again and waits until it is ready. */
    public void start(String name) throws IOException {
        ManagedProcess p = startService(name);
        processes.put(name, p);
        String url = "http://" + config.host() + ":" + config.servicePorts().get(name) + "/q/health/ready";
        p.awaitReady(config, Duration.ofSeconds(240), () -> ManagedProcess.httpOk(url));
    }

    /**
     * Stops every recorded part: the applications together first, then Keycloak and Kafka, PostgreSQL last (the
     * services may still be committing as they stop).
     */
    public void down() throws IOException {
        stopTogether(List.of("gateway", "affiliation-service", "contribution-service", "benefits-service", "recovery-service"));
        stopTogether(List.of("keycloak", "kafka", "mail"));
        stopTogether(List.of("postgres"));
    }

    private void stopTogether(List<String> names) throws IOException {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (String name : names) {
            ManagedProcess p = processes.remove(name);
            if (p == null) {
                p = ManagedProcess.recorded(config, name).orElse(null);
            }
            if (p != null) {
                ManagedProcess process = p;
                stops.add(CompletableFuture.runAsync(() -> {
                    long started = System.nanoTime();
                    process.stop(Duration.ofSeconds(name.equals("postgres") ? 60 : 30));
                    log(String.format("%s stopped (pid %d, %.1f s)", name, process.pid(), (System.nanoTime() - started) / 1e9));
                }));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        for (String name : names) {
            ManagedProcess.forget(config, name);
        }
    }

    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        for (String name : PARTS) {
            status.put(name, ManagedProcess.recorded(config, name).map(p -> "running (pid " + p.pid() + ")").orElse("stopped"));
        }
        return status;
    }

    List<String> busyPorts() {
        List<String> busy = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("postgres", config.postgresPort());
        ports.put("kafka", config.kafkaPort());
        ports.put("kafka-controller", config.kafkaControllerPort());
        ports.put("keycloak", config.keycloakPort());
        ports.put("keycloak-management", config.keycloakManagementPort());
        ports.put("smtp", config.smtpPort());
        ports.put("imap", config.imapPort());
        ports.putAll(config.servicePorts());
        ports.forEach((name, port) -> {
            if (ManagedProcess.portOpen(config.host(), port)) {
                busy.add(name + ":" + port);
            }
        });
        return busy;
    }

    static void log(String message) {
        System.out.println("[caisse] " + message);
    }
}
