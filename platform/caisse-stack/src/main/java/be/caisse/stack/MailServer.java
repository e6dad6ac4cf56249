package be.caisse.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts {@link MailServerMain} in its own JVM, with GreenMail's classpath (written by this module's build). */
public final class MailServer {
    private MailServer() {
    }

    public static List<String> command(int smtpPort, int imapPort) throws IOException {
        String own;
        try {
            own = Path.of(MailServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String classpath;
        try (InputStream in = MailServer.class.getResourceAsStream("/caisse/mail-server.classpath")) {
            if (in == null) {
                throw new IOException("mail-server.classpath not found: build the project first (./mvnw install)");
            }
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return List.of(KafkaBroker.javaBinary(), "-Xmx96m", "-XX:+UseSerialGC", "-cp",
                own + java.io.File.pathSeparator + classpath, MailServerMain.class.getName(),
                Integer.toString(smtpPort), Integer.toString(imapPort));
    }

    public static ManagedProcess start(StackConfig config) throws IOException {
        return ManagedProcess.start(config, "mail", command(config.smtpPort(), config.imapPort()), config.home(), Map.of());
    }
}
