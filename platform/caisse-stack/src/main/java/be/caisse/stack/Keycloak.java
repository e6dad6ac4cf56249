package be.caisse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its distribution zip on Maven Central ({@code org.keycloak:keycloak-quarkus-dist}), unpacked once
 * into the cache folder, started in dev mode with an in-memory database and the caisse realm imported. The
 * hostname is fixed so that the token issuer is the same whoever asks ({@code localhost} vs {@code 127.0.0.1}).
 */
public final class Keycloak {
    private Keycloak() {
    }

    static Path distributionZip() throws IOException {
        try (InputStream in = Keycloak.class.getResourceAsStream("/caisse/keycloak-dist.path")) {
            if (in == null) {
                throw new IOException("keycloak-dist.path not found: build the project first (./mvnw install)");
            }
            return Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    /** Unpacks the distribution into the cache (once) and returns its home folder. */
    static Path install(StackConfig config) throws IOException {
        Path zip = distributionZip();
        String folder = zip.getFileName().toString().replace(".zip", "");
        Path home = config.cache().resolve(folder);
        Path marker = home.resolve(".caisse-unpacked");
        if (!Files.exists(marker)) {
            Path tmp = config.cache().resolve(folder + ".tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = zf.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    Path target = tmp.resolve(e.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("Bad zip entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zf.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (e.getName().endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            // The zip holds one top folder (keycloak-26.x.y)
            Path top;
            try (var list = Files.list(tmp)) {
                top = list.findFirst().orElseThrow();
            }
            deleteTree(home);
            Files.move(top, home);
            deleteTree(tmp);
            Files.writeString(marker, zip.toString());
        }
        return home;
    }

    public static ManagedProcess start(StackConfig config) throws IOException {
        Path home = install(config);
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Files.copy(config.repo().resolve("infra/keycloak/caisse-realm.json"), importDir.resolve("caisse-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + config.host(), "--http-port=" + config.keycloakPort(),
                "--hostname=" + config.keycloakUrl(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--db=dev-mem", "--health-enabled=true", "--import-realm", "--cache=local");
        return ManagedProcess.start(config, "keycloak", command, home, Map.of(
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin"));
    }

    public static String readinessUrl(StackConfig config) {
        return "http://" + config.host() + ":" + config.keycloakManagementPort() + "/health/ready";
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
