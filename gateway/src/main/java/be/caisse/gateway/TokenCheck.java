package be.caisse.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a bearer token once, then remembers the verdict until the token expires.
 *
 * <p>Why a cache: a front end sends the same access token with every request for its whole lifetime (15 minutes in
 * the caisse realm), and verifying its RS256 signature is the single most expensive thing the gateway does per
 * request (the profile of {@code ./caisse bench gateway} showed it first, ahead of the proxying itself). A token is
 * immutable and self-contained: once its signature, issuer and expiry have been checked against the realm's keys,
 * checking them again gives the same answer until {@code exp}. Every service still validates the token itself, so a
 * cached verdict never grants more than the token does. Only successful checks are remembered (a forged token is
 * verified, and refused, every time), the cache is bounded, and an entry is dropped as soon as its token expires.
 */
@Singleton
public class TokenCheck {
    /** Who called: the user name and the realm roles of a valid token. */
    public record Caller(String user, Set<String> roles, long expiresAtMillis) {
    }

    /** The token is not valid (signature, issuer, expiry): 401. */
    public static final class Refused extends RuntimeException {
        Refused() {
            super("token refused", null, false, false);
        }
    }

    private final ConcurrentHashMap<String, Caller> verified = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier clock;

    @Inject
    IdentityProviderManager identities;

    @Inject
    public TokenCheck(GatewayConfig config) {
        this(config.tokenCacheSize(), System::currentTimeMillis);
    }

    TokenCheck(int maxEntries, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The caller of a remembered, still valid token, without any work; null when it must be verified. */
    public Caller remembered(String token) {
        Caller caller = verified.get(token);
        if (caller == null) {
            return null;
        }
        if (caller.expiresAtMillis() <= clock.getAsLong()) {
            verified.remove(token, caller);
            return null;
        }
        return caller;
    }

    /** Verifies the token with the OIDC identity provider (the realm's keys) and remembers a valid one. */
    public Uni<Caller> verify(String token, RoutingContext rc) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        return identities.authenticate(request)
                .onFailure(t -> hasCause(t, AuthenticationFailedException.class)).transform(t -> new Refused())
                .map(identity -> remember(token, identity));
    }

    private Caller remember(String token, SecurityIdentity identity) {
        long expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? jwt.getExpirationTime() * 1000 : 0;
        return keep(token, new Caller(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), expiresAt));
    }

    Caller keep(String token, Caller caller) {
        if (caller.expiresAtMillis() > clock.getAsLong() && maxEntries > 0) {
            if (verified.size() >= maxEntries) {
                long now = clock.getAsLong();
                verified.values().removeIf(c -> c.expiresAtMillis() <= now);
                if (verified.size() >= maxEntries) {
                    verified.clear(); // a flood of distinct valid tokens: start again rather than grow
                }
            }
            verified.put(token, caller);
        }
        return caller;
    }

    int size() {
        return verified.size();
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
