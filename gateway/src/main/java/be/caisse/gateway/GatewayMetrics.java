package be.caisse.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code caisse_gateway_requests_seconds{service, status}}: what went through the gateway to which service, with
 * what answer and how long it took. In place of Micrometer's generic HTTP server binder, which tags by address (and
 * an address carries a NISS) and resolves its meter anew on every request: one of the first costs in the gateway's
 * profile. Here each (service, status) timer is resolved once and kept.
 */
@Singleton
public class GatewayMetrics {
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    void record(String service, int status, long nanos) {
        String name = service == null ? "none" : service;
        Timer timer = timers.get(name + status);
        if (timer == null) {
            timer = timers.computeIfAbsent(name + status, k -> Timer.builder("caisse.gateway.requests")
                    .description("Requests proxied by the gateway, by service and answer status")
                    .tag("service", name).tag("status", Integer.toString(status))
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
