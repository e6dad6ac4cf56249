package be.caisse.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Where each {@code /api/<prefix>/**} goes, and the limits the gateway enforces. */
@ConfigMapping(prefix = "caisse.gateway")
public interface GatewayConfig {
    /** Prefix (first path segment after /api) → base URL of the service. */
    Map<String, String> upstream();

    @WithDefault("2097152")
    int maxBodyBytes();

    @WithDefault("2000")
    int connectTimeoutMs();

    @WithDefault("15000")
    int timeoutMs();
}
