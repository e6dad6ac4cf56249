package be.caisse.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The reverse proxy: {@code /api/affiliations/**} → affiliation-service {@code /affiliations/**}, and so on for
 * contributions, benefits and recovery. Every request needs a valid token with one of the fund's roles; the token
 * is passed on (each service validates it again and checks ownership). A request id is added when missing. A
 * service that is down answers 502, one that is too slow 504, both as problem documents: the gateway never hangs.
 */
@ApplicationScoped
public class GatewayRoutes {
    static final String REQUEST_ID = "X-Request-Id";
    static final String REQUEST_ID_KEY = "caisse.requestId";
    private static final Logger AUDIT = Logger.getLogger("be.caisse.audit");
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final Set<String> ROLES = Set.of("affiliate", "agent", "supervisor", "admin");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NISS_IN_PATH = Pattern.compile("\\d{11}");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    IdentityProviderManager identities;

    private HttpClient client;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(config.connectTimeoutMs())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        router.route("/api/*").order(-10).handler(this::requestId);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
        router.route("/api/*").handler(this::authenticate);
        router.route("/api/*").handler(this::proxy);
        router.route("/api/*").failureHandler(this::failure);
    }

    private void requestId(RoutingContext rc) {
        String id = rc.request().getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        rc.put(REQUEST_ID_KEY, id);
        rc.next();
    }

    /**
     * Validates the bearer token with the OIDC identity provider (signature, issuer, expiry against the realm's keys)
     * directly, rather than through the HTTP authentication layer, so that every refusal is a problem document.
     */
    private void authenticate(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            Problems.send(rc, 401, "unauthorized", "Authentication required",
                    "Sign in: this request needs a valid access token.");
            return;
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(
                new AccessTokenCredential(authorization.substring(7).trim()));
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        identities.authenticate(request).subscribe().with(identity -> {
            if (identity.getRoles().stream().noneMatch(ROLES::contains)) {
                Problems.send(rc, 403, "forbidden", "Access denied", "Your account has no role at the fund.");
            } else {
                rc.put("caisse.user", identity.getPrincipal().getName());
                rc.next();
            }
        }, failure -> {
            if (hasCause(failure, AuthenticationFailedException.class)) {
                Problems.send(rc, 401, "unauthorized", "Authentication required",
                        "The access token is missing, expired or not valid.");
            } else {
                LOG.warnf("Token check failed: %s", failure.toString());
                Problems.send(rc, 503, "auth-unavailable", "Sign-in service unavailable",
                        "Your access could not be checked right now; please try again in a moment.");
            }
        });
    }

    private void proxy(RoutingContext rc) {
        String uri = rc.request().uri();                 // /api/affiliations/123?x=y
        String rest = uri.substring("/api".length());     // /affiliations/123?x=y
        String prefix = rest.length() > 1 ? rest.substring(1).split("[/?]", 2)[0] : "";
        String upstream = config.upstream().get(prefix);
        if (upstream == null) {
            Problems.send(rc, 404, "http-404", "Not Found", "There is no API at this address.");
            return;
        }
        String service = prefix;
        long started = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(rc.request().method())
                .setAbsoluteURI(upstream + rest)
                .setIdleTimeout(config.timeoutMs());
        client.request(options).compose(request -> {
            MultiMap headers = request.headers();
            rc.request().headers().forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                    headers.add(h.getKey(), h.getValue());
                }
            });
            headers.set(REQUEST_ID, (String) rc.get(REQUEST_ID_KEY));
            headers.set("X-Forwarded-For", rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().hostAddress());
            headers.set("X-Forwarded-Proto", rc.request().scheme());
            headers.set("X-Forwarded-Prefix", "/api");
            if (rc.request().authority() != null) {
                headers.set("X-Forwarded-Host", rc.request().authority().toString());
            }
            Buffer body = rc.body().buffer();
            return body == null || body.length() == 0 ? request.send() : request.send(body);
        }).compose(response -> response.body().map(body -> new Object[]{response, body}))
                .onSuccess(result -> {
                    HttpClientResponse response = (HttpClientResponse) result[0];
                    Buffer body = (Buffer) result[1];
                    var out = rc.response().setStatusCode(response.statusCode());
                    response.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            out.headers().add(h.getKey(), h.getValue());
                        }
                    });
                    out.headers().set(REQUEST_ID, (String) rc.get(REQUEST_ID_KEY));
                    audit(rc, response.statusCode(), started);
                    out.end(body);
                })
                .onFailure(failure -> {
                    boolean timeout = failure instanceof TimeoutException
                            || failure.getClass().getSimpleName().contains("Timeout");
                    LOG.warnf("%s unavailable for %s: %s", service, rc.get(REQUEST_ID_KEY), failure.toString());
                    if (timeout) {
                        Problems.send(rc, 504, "upstream-timeout", "Service too slow",
                                "The " + service + " service did not answer in time. Please try again later.");
                    } else {
                        Problems.send(rc, 502, "upstream-unavailable", "Service unavailable",
                                "The " + service + " service is not available right now. Please try again later.");
                    }
                    audit(rc, timeout ? 504 : 502, started);
                });
    }

    private void failure(RoutingContext rc) {
        int status = rc.statusCode();
        if (status == 413) {
            Problems.send(rc, 413, "body-too-large", "Request too large",
                    "The request body exceeds " + config.maxBodyBytes() / 1024 + " KiB.");
        } else if (status >= 400 && status < 500) {
            Problems.send(rc, status, "http-" + status, "Request refused", "The request could not be accepted.");
        } else {
            LOG.error("Gateway failure", rc.failure());
            Problems.send(rc, 500, "internal", "Internal error",
                    "Something went wrong on our side. Please try again later.");
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Who reached which dossier: the audit trail the gateway keeps. NISS numbers are masked. */
    private void audit(RoutingContext rc, int status, long started) {
        String path = NISS_IN_PATH.matcher(rc.request().path()).replaceAll(m -> "*******" + m.group().substring(7, 9) + "**");
        AUDIT.infof("user=%s method=%s path=%s status=%d ms=%d requestId=%s", rc.get("caisse.user"),
                rc.request().method(), path, status, (System.nanoTime() - started) / 1_000_000, rc.get(REQUEST_ID_KEY));
    }
}
