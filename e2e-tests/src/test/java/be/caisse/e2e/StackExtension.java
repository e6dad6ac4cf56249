package be.caisse.e2e;

import be.caisse.stack.Keycloak;
import be.caisse.stack.Ports;
import be.caisse.stack.Stack;
import be.caisse.stack.StackConfig;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole stack once for all end-to-end test classes, exactly as {@code ./caisse up} does, on free
 * ports and in a folder of its own (so it never meets a stack a developer is running), and stops it at the end.
 */
public class StackExtension implements BeforeAllCallback {
    private static Stack stack;

    public static Stack stack() {
        return stack;
    }

    public static StackConfig config() {
        return stack.config();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent("caisse-stack", key -> {
            try {
                // the year walk moves the services' date, as a demo would
                System.setProperty("CAISSE_CLOCK_ADJUSTABLE", "true");
                stack = new Stack(freshConfig());
                stack.up();
                RestAssured.baseURI = stack.config().gatewayUrl();
                RestAssured.port = stack.config().gatewayPort();
                return (ExtensionContext.Store.CloseableResource) () -> stack.down();
            } catch (Exception e) {
                try {
                    if (stack != null) {
                        stack.down();
                    }
                } catch (IOException ignored) {
                    // the start-up failure is the news
                }
                throw new IllegalStateException("The stack did not start: " + e.getMessage(), e);
            }
        }, ExtensionContext.Store.CloseableResource.class);
    }

    private static StackConfig freshConfig() throws IOException {
        Path repo = Path.of(System.getProperty("caisse.repo", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("caisse.e2e.home", "target/stack")).toAbsolutePath();
        if (Files.exists(home)) {
            try (var walk = Files.walk(home)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        // Keycloak's unpacked distribution is kept between runs, apart from the one of ./caisse up.
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "caisse-e2e");
        return new StackConfig(repo, home, cache, "127.0.0.1",
                free(), free(), free(), free(), free(), free(), free(), free(), free(), free(), free(), free());
    }

    private static int free() throws IOException {
        return Ports.free();
    }

    static String keycloakReadiness() {
        return Keycloak.readinessUrl(config());
    }
}
