package be.caisse.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and folders of one stack, from environment variables (or system properties of the same name) with the
 * documented defaults. The tests build one with other ports, so that they never collide with a running
 * {@code ./caisse up}.
 */
public record StackConfig(Path repo, Path home, Path cache, String host,
                          int postgresPort, int kafkaPort, int kafkaControllerPort,
                          int keycloakPort, int keycloakManagementPort,
                          int gatewayPort, int affiliationPort, int contributionPort, int benefitsPort, int recoveryPort,
                          int smtpPort, int imapPort) {

    public static final String[] DATABASES = {"affiliation", "contribution", "benefits", "recovery"};

    public static StackConfig fromEnvironment(Path repo) {
        Path home = Path.of(value("CAISSE_HOME", repo.resolve(".caisse").toString())).toAbsolutePath();
        return new StackConfig(repo.toAbsolutePath(), home,
                Path.of(value("CAISSE_CACHE", Path.of(System.getProperty("user.home"), ".cache", "caisse").toString())),
                "127.0.0.1",
                port("CAISSE_PG_PORT", 5432), port("CAISSE_KAFKA_PORT", 9092), port("CAISSE_KAFKA_CONTROLLER_PORT", 9093),
                port("CAISSE_KEYCLOAK_PORT", 8180), port("CAISSE_KEYCLOAK_MANAGEMENT_PORT", 9000),
                port("CAISSE_GATEWAY_PORT", 8080), port("CAISSE_AFFILIATION_PORT", 8081),
                port("CAISSE_CONTRIBUTION_PORT", 8082), port("CAISSE_BENEFITS_PORT", 8083),
                port("CAISSE_RECOVERY_PORT", 8084), port("CAISSE_SMTP_PORT", 3025), port("CAISSE_IMAP_PORT", 3143));
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String realmUrl() {
        return keycloakUrl() + "/realms/caisse";
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + database;
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("pids");
    }

    public Map<String, Integer> servicePorts() {
        return Map.of("affiliation-service", affiliationPort, "contribution-service", contributionPort,
                "benefits-service", benefitsPort, "recovery-service", recoveryPort, "gateway", gatewayPort);
    }

    private static String value(String name, String fallback) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(value(name, Integer.toString(fallback)));
    }
}
