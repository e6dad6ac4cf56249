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

    /** Longest address (path and query) accepted; longer ones answer 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest total of the request headers accepted; more answers 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    @WithDefault("2000")
    int connectTimeoutMs();

    @WithDefault("15000")
    int timeoutMs();

    /** Connections kept open to each service. */
    @WithDefault("64")
    int poolSize();

    /** Valid tokens remembered until they expire (0: verify every request). */
    @WithDefault("10000")
    int tokenCacheSize();

    /**
     * Requests a second one signed-in user may send once its burst is spent; 0 turns the limit
     * off (the gateway benchmark does, to measure the proxy itself).
     */
    @WithDefault("100")
    double rateLimitPerSecond();

    /** Requests one client may send at once before the rate applies. */
    @WithDefault("1000")
    int rateLimitBurst();

    /** How long the merged API description is kept before the services are asked again. */
    @WithDefault("300")
    int openapiCacheSeconds();
}
