package be.caisse.gateway;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (the signed-in user: a request without a valid token is refused before it counts): {@code burst} requests at once, then
 * {@code perSecond} a second. A client over its limit is answered 429 with the seconds to wait ({@code Retry-After})
 * and never reaches a service, so one client cannot take the services from the others. The buckets of clients
 * idle long enough to be full again are dropped when the table grows large.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** @param perSecond requests a second once the burst is spent; 0 or less: no limit */
    RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    boolean enabled() {
        return perSecond > 0;
    }

    /** 0 when the request may go; else the whole seconds after which one will be allowed (at least 1). */
    long admit(String client, long nowNanos) {
        if (!enabled()) {
            return 0;
        }
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> full(e.getValue(), nowNanos));
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (b) {
            refill(b, nowNanos);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    private void refill(Bucket b, long nowNanos) {
        double elapsed = Math.max(0, nowNanos - b.at) / 1e9;
        b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
        b.at = nowNanos;
    }

    private boolean full(Bucket b, long nowNanos) {
        synchronized (b) {
            return b.tokens + Math.max(0, nowNanos - b.at) / 1e9 * perSecond >= burst;
        }
    }
}
