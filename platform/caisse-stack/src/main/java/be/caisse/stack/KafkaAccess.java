package be.caisse.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use the broker and for what: every client authenticates (SASL/SCRAM-SHA-512) and KRaft's
 * StandardAuthorizer refuses what no rule allows. Each service writes its own topics and its dead-letter topic,
 * reads the topics it consumes with its own consumer groups; a partner reads only its partner topics; nobody else
 * reads anything. {@code broker} (between the broker and its controller) and {@code admin} (operations, the tests'
 * own clients) are super users.
 *
 * <p>SCRAM rather than OAUTHBEARER with Keycloak tokens: the broker then needs nothing else to start (Keycloak
 * starts after it, and the services' test resources run a broker without Keycloak), and the credentials live in the
 * cluster's metadata, written when the storage is formatted. A partner's identity is a Kafka user of its own,
 * named like its Keycloak service account.
 */
public final class KafkaAccess {
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String BROKER = "broker";
    public static final String ADMIN = "admin";
    /**
     * The health insurers' national codes (be.caisse.common.partner.Mutuality, which KafkaAccessRulesE2E checks
     * against): partner {@code mutuality-<code>} reads {@code caisse.partner.<code>.*} only.
     */
    /** The authority's Kafka user: reads {@code caisse.authority.*} only. */
    public static final String INASTI = "inasti";
    public static final List<String> MUTUALITIES = List.of("100", "200", "300", "400", "500", "600", "900");

    /** What each service writes (topic prefixes and names) and reads (topic names). */
    private record Service(String name, List<String> writesPrefixed, List<String> writes, List<String> reads) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("affiliation-service", List.of("caisse.affiliation."), List.of("caisse.affiliation-service.dlq"),
                    List.of("caisse.affiliation.documents", "caisse.contribution.documents", "caisse.benefits.documents",
                            "caisse.recovery.documents", "caisse.affiliation.access", "caisse.contribution.access",
                            "caisse.benefits.access", "caisse.recovery.access")),
            new Service("contribution-service", List.of("caisse.contribution.", "caisse.partner.", "caisse.authority."),
                    List.of("caisse.contribution-service.dlq"),
                    List.of("caisse.affiliation.events", "caisse.benefits.events", "caisse.recovery.events",
                            "caisse.affiliation.documents")),
            new Service("benefits-service", List.of("caisse.benefits.", "caisse.partner."), List.of("caisse.benefits-service.dlq"),
                    List.of("caisse.affiliation.events", "caisse.contribution.events", "caisse.affiliation.documents")),
            new Service("recovery-service", List.of("caisse.recovery."), List.of("caisse.recovery-service.dlq"),
                    List.of("caisse.affiliation.events", "caisse.contribution.events", "caisse.affiliation.documents")));

    /** A partner and the topic prefix it reads. */
    private static final Map<String, String> PARTNERS = partners();

    private static Map<String, String> partners() {
        Map<String, String> partners = new LinkedHashMap<>();
        MUTUALITIES.forEach(code -> partners.put("mutuality-" + code, "caisse.partner." + code + "."));
        // INASTI reads the career quarters the fund reports (and nothing of the partners')
        partners.put(INASTI, "caisse.authority.");
        return partners;
    }

    private KafkaAccess() {
    }

    /** Every user the broker knows, with its password (for a local stack or a test: from the environment, else a default). */
    public static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        for (String name : names()) {
            users.put(name, password(name));
        }
        return users;
    }

    static List<String> names() {
        List<String> names = new ArrayList<>(List.of(BROKER, ADMIN));
        SERVICES.forEach(s -> names.add(s.name()));
        names.addAll(PARTNERS.keySet());
        return names;
    }

    /**
     * The password of a user: {@code CAISSE_KAFKA_PASSWORD_<NAME>} (upper case, dashes as underscores), else the
     * local default {@code <name>-local-secret}, which only a machine's own loopback ever sees.
     */
    public static String password(String user) {
        String variable = "CAISSE_KAFKA_PASSWORD_" + user.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        String v = System.getProperty(variable, System.getenv(variable));
        return v == null || v.isBlank() ? user + "-local-secret" : v;
    }

    /** Every topic of the system, created before the services start (a consumer may not create what it waits for). */
    public static List<String> topics() {
        java.util.Set<String> topics = new java.util.TreeSet<>();
        for (Service s : SERVICES) {
            String prefix = s.writesPrefixed().get(0);
            topics.add(prefix + "events");
            topics.add(prefix + "documents");
            topics.add(prefix + "access");
            topics.addAll(s.writes());
            topics.addAll(s.reads());
        }
        MUTUALITIES.forEach(code -> topics.add("caisse.partner." + code + ".events"));
        topics.add("caisse.authority.inasti.events");
        return List.copyOf(topics);
    }

    /**
     * The rules, one a line: principal operation resource-type pattern-type name, then the topics as
     * {@code TOPIC name} (read by Kafka's AccessSetup).
     */
    public static List<String> rules() {
        List<String> rules = new ArrayList<>();
        topics().forEach(t -> rules.add("TOPIC " + t));
        for (Service s : SERVICES) {
            String p = "User:" + s.name();
            for (String prefix : s.writesPrefixed()) {
                for (String op : List.of("WRITE", "CREATE", "DESCRIBE")) {
                    rules.add(p + " " + op + " TOPIC PREFIXED " + prefix);
                }
            }
            for (String topic : s.writes()) {
                for (String op : List.of("WRITE", "CREATE", "DESCRIBE")) {
                    rules.add(p + " " + op + " TOPIC LITERAL " + topic);
                }
            }
            for (String topic : s.reads()) {
                rules.add(p + " READ TOPIC LITERAL " + topic);
                rules.add(p + " DESCRIBE TOPIC LITERAL " + topic);
            }
            // its consumer groups are named after it (contribution-service, contribution-service-recovery, ...)
            rules.add(p + " READ GROUP PREFIXED " + s.name());
            rules.add(p + " DESCRIBE GROUP PREFIXED " + s.name());
        }
        PARTNERS.forEach((partner, prefix) -> {
            String p = "User:" + partner;
            rules.add(p + " READ TOPIC PREFIXED " + prefix);
            rules.add(p + " DESCRIBE TOPIC PREFIXED " + prefix);
            rules.add(p + " READ GROUP PREFIXED " + partner);
            rules.add(p + " DESCRIBE GROUP PREFIXED " + partner);
        });
        return rules;
    }

    /** Prints the rules (infra/kafka/access-rules.txt, which docker-compose applies, is this output). */
    public static void main(String[] args) {
        System.out.println("# Generated from platform/caisse-stack KafkaAccess (java -cp platform/caisse-stack/target/classes "
                + "be.caisse.stack.KafkaAccess); KafkaAccessRulesE2E checks it is current.");
        rules().forEach(System.out::println);
    }

    /** A client's security settings (without the {@code kafka.} prefix Quarkus adds). */
    public static Map<String, String> clientConfig(String user) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(user, password(user)));
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }
}
