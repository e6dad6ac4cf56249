package be.caisse.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Writes the broker's access rules (ACLs, kept by KRaft's StandardAuthorizer in the cluster metadata) from a file of
 * lines {@code principal operation resource-type pattern-type name}, and creates the topics of lines
 * {@code TOPIC name} (a consumer may not create the topic it waits for), as the broker's administrator. Run on Kafka's
 * own classpath by the stack and the test resources, after the broker started; creating a rule that exists changes
 * nothing, so it runs at every start.
 *
 * <p>Usage: {@code AccessSetup <bootstrap> <admin-user> <admin-password> <rules-file>}
 */
public final class AccessSetup {
    private AccessSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: AccessSetup <bootstrap> <admin-user> <admin-password> <rules-file>");
            System.exit(2);
        }
        List<AclBinding> rules = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length == 2 && f[0].equals("TOPIC")) {
                topics.add(f[1]);
                continue;
            }
            if (f.length != 5) {
                throw new IllegalArgumentException("An access rule has five fields: " + l);
            }
            rules.add(new AclBinding(new ResourcePattern(ResourceType.fromString(f[2]), f[4], PatternType.fromString(f[3])),
                    new AccessControlEntry(f[0], "*", AclOperation.fromString(f[1]), AclPermissionType.ALLOW)));
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + args[1] + "\" password=\"" + args[2] + "\";");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try (Admin admin = Admin.create(config)) {
                java.util.Set<String> existing = admin.listTopics().names().get();
                List<org.apache.kafka.clients.admin.NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                        .map(t -> new org.apache.kafka.clients.admin.NewTopic(t, java.util.Optional.empty(), java.util.Optional.empty()))
                        .toList();
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get();
                }
                admin.createAcls(rules).all().get();
                System.out.println("[kafka] " + rules.size() + " access rules in place, " + missing.size() + " topics created");
                return;
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500); // the broker is still starting (or its metadata not yet loaded)
            }
        }
    }
}
