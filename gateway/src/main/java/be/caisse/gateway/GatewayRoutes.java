package be.caisse.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The reverse proxy: {@code /api/affiliations/**} → affiliation-service {@code /affiliations/**}, and so on for
 * contributions, benefits and recovery. Every request needs a valid token with one of the fund's roles; the token
 * is passed on (each service validates it again and checks ownership). A request id is added when missing. A
 * service that is down answers 502, one that is too slow 504, both as problem documents: the gateway never hangs.
 * Without a token: the merged API description ({@code /api/openapi}), its Swagger UI ({@code /api/docs}) and the
 * health checks. Any other address, and any request the gateway itself refuses, answers a problem document.
 */
@Singleton
public class GatewayRoutes {
    static final String REQUEST_ID = "X-Request-Id";
    static final String REQUEST_ID_KEY = "caisse.requestId";
    private static final String USER_KEY = "caisse.user";
    private static final String SERVICE_KEY = "caisse.service";
    private static final Logger AUDIT = Logger.getLogger("be.caisse.audit");
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final Set<String> ROLES = Set.of("affiliate", "agent", "supervisor", "admin", "partner", "dpo");
    /** Headers of one hop that a proxy must not pass on (RFC 9110 §7.6.1), plus those it sets itself. */
    private static final Set<String> REQUEST_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-prefix", "forwarded");
    private static final Set<String> RESPONSE_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Answers up to this size are relayed whole; larger ones (statements, exports) are streamed. */
    private static final int SMALL_BODY = 64 * 1024;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern NISS_IN_PATH = Pattern.compile("\\d{11}");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(^|/)(\\.|%2e){1,2}(/|$|\\?)");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    TokenCheck tokens;

    @Inject
    ApiDocuments documents;

    @Inject
    ApiDocsUi docsUi;

    @Inject
    GatewayMetrics metrics;

    private RateLimiter limiter;
    private HttpClient client;
    private Map<String, String> upstreams;
    private BodyHandler bodies;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(config.connectTimeoutMs())
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true)
                .setMaxPoolSize(config.poolSize()));
        upstreams = Map.copyOf(config.upstream());
        limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst());
        bodies = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        documents.use(client);

        router.route().order(-1000).handler(this::front);
        router.get("/api/openapi").order(-20).handler(documents::handle);
        router.get("/api/docs").order(-20).handler(docsUi::handle);
        router.get("/api/docs/*").order(-20).handler(docsUi::handle);
        router.route("/api/*").order(-10).handler(this::authenticate);
        MemberExport export = new MemberExport(client, upstreams, config.timeoutMs());
        router.get(MemberExport.PATH).order(-9).handler(rc -> {
            long started = System.nanoTime();
            rc.put(SERVICE_KEY, "privacy");
            rc.addBodyEndHandler(v -> audit(rc, rc.response().getStatusCode(), started));
            export.handle(rc);
        });
        WholeCharter charter = new WholeCharter(client, upstreams, config.timeoutMs());
        router.get(WholeCharter.PATH).order(-9).handler(rc -> {
            long started = System.nanoTime();
            rc.put(SERVICE_KEY, "charter");
            rc.addBodyEndHandler(v -> audit(rc, rc.response().getStatusCode(), started));
            charter.handle(rc);
        });
        router.route("/api/*").order(-9).handler(this::body);
        router.route("/api/*").order(-8).handler(this::proxy);
        router.route().order(-7).handler(this::elsewhere);
        router.route().failureHandler(this::failure);
        for (int status : new int[]{400, 404, 405, 413, 414, 431, 500}) {
            router.errorHandler(status, rc -> refused(rc, status));
        }
    }

    /** Before anything: the request id, the limits of the address and headers, the headers every answer carries. */
    private void front(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = requestId();
        }
        rc.put(REQUEST_ID_KEY, id);
        HttpServerResponse response = rc.response();
        String requestId = id;
        boolean api = request.path() != null && request.path().startsWith("/api/") && !request.path().startsWith("/api/docs");
        response.headersEndHandler(v -> {
            MultiMap h = response.headers();
            h.set(REQUEST_ID, requestId);
            // CORS answers depend on Origin: a shared cache must not serve one origin's answer to another.
            h.add("Vary", "Origin");
            if (api && !h.contains("Cache-Control")) {
                h.set("Cache-Control", "no-store");
            }
        });
        if (request.uri().length() > config.maxUriLength()) {
            Problems.send(rc, 414, "uri-too-long", config.maxUriLength());
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            Problems.send(rc, 431, "headers-too-large", config.maxHeaderBytes() / 1024);
            return;
        }
        try {
            new java.net.URI(request.uri());
            rc.normalizedPath();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            Problems.send(rc, 400, "address-invalid");
            return;
        }
        if (DOT_SEGMENT.matcher(request.uri()).find()) {
            Problems.send(rc, 400, "path-invalid");
            return;
        }
        rc.next();
    }

    /**
     * Every {@code /api} request needs a valid token with one of the fund's roles. A token already verified is taken
     * at once ({@link TokenCheck}); a new one is verified against the realm's keys while the request waits paused.
     */
    private void authenticate(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            Problems.send(rc, 401, "unauthorized");
            return;
        }
        String token = authorization.substring(7).trim();
        TokenCheck.Caller known = tokens.remembered(token);
        if (known != null) {
            admit(rc, known);
            return;
        }
        rc.request().pause();
        tokens.verify(token, rc).subscribe().with(caller -> {
            rc.request().resume();
            admit(rc, caller);
        }, failure -> {
            rc.request().resume();
            if (failure instanceof TokenCheck.Refused) {
                Problems.send(rc, 401, "token-invalid");
            } else {
                LOG.warnf("Token check failed: %s", failure.toString());
                Problems.send(rc, 503, "auth-unavailable");
            }
        });
    }

    private void admit(RoutingContext rc, TokenCheck.Caller caller) {
        for (String role : caller.roles()) {
            if (ROLES.contains(role)) {
                rc.put(USER_KEY, caller.user());
                long wait = limiter.admit("user:" + caller.user(), System.nanoTime());
                if (wait > 0) {
                    metrics.record("rate-limited", 429, 0);
                    rc.response().putHeader("Retry-After", Long.toString(wait));
                    Problems.send(rc, 429, "rate-limited", wait);
                    return;
                }
                rc.next();
                return;
            }
        }
        Problems.send(rc, 403, "no-role");
    }

    /** A body is read (up to the limit) only for the methods that carry one; the others go through as they are. */
    private void body(RoutingContext rc) {
        if (WITH_BODY.contains(rc.request().method())) {
            bodies.handle(rc);
        } else {
            rc.next();
        }
    }

    private void proxy(RoutingContext rc) {
        HttpServerRequest in = rc.request();
        String rest = in.uri().substring("/api".length());     // /affiliations/123?x=y
        int end = 1;
        while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
            end++;
        }
        String service = rest.length() > 1 ? rest.substring(1, end) : "";
        String upstream = upstreams.get(service);
        if (upstream == null) {
            Problems.send(rc, 404, "http-404");
            return;
        }
        rc.put(SERVICE_KEY, service);
        long started = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(upstream + rest)
                .setIdleTimeout(config.timeoutMs());
        client.request(options).onSuccess(out -> {
            MultiMap headers = out.headers();
            for (Map.Entry<String, String> h : in.headers()) {
                if (!REQUEST_HOP.contains(h.getKey().toLowerCase())) {
                    headers.add(h.getKey(), h.getValue());
                }
            }
            headers.set(REQUEST_ID, (String) rc.get(REQUEST_ID_KEY));
            headers.set("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            headers.set("X-Forwarded-Proto", in.scheme());
            headers.set("X-Forwarded-Prefix", "/api");
            if (in.authority() != null) {
                headers.set("X-Forwarded-Host", in.authority().toString());
            }
            out.response().onSuccess(answer -> relay(rc, answer, service, started))
                    .onFailure(failure -> unavailable(rc, service, failure, started));
            Buffer body = WITH_BODY.contains(in.method()) && rc.body() != null ? rc.body().buffer() : null;
            if (body == null || body.length() == 0) {
                out.end();
            } else {
                out.end(body);
            }
        }).onFailure(failure -> unavailable(rc, service, failure, started));
    }

    /** The service's answer, streamed back as it comes (no copy of the whole body in the gateway). */
    private void relay(RoutingContext rc, HttpClientResponse answer, String service, long started) {
        HttpServerResponse out = rc.response();
        if (out.ended()) {
            answer.request().reset();
            return;
        }
        out.setStatusCode(answer.statusCode());
        for (Map.Entry<String, String> h : answer.headers()) {
            if (!RESPONSE_HOP.contains(h.getKey().toLowerCase())) {
                out.headers().add(h.getKey(), h.getValue());
            }
        }
        String length = answer.headers().get("Content-Length");
        if (length != null && length.length() < 6 && Integer.parseInt(length) <= SMALL_BODY) {
            // Most answers are a few hundred bytes: taken whole and written with the headers in one go.
            answer.body().onSuccess(body -> {
                out.end(body);
                audit(rc, answer.statusCode(), started);
            }).onFailure(failure -> {
                LOG.warnf("%s answer cut short for %s: %s", service, rc.get(REQUEST_ID_KEY), failure.toString());
                out.reset();
                audit(rc, answer.statusCode(), started);
            });
            return;
        }
        if (length == null) {
            out.setChunked(true);
        }
        answer.pipeTo(out).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf("%s answer cut short for %s: %s", service, rc.get(REQUEST_ID_KEY), done.cause().toString());
            }
            audit(rc, answer.statusCode(), started);
        });
    }

    private void unavailable(RoutingContext rc, String service, Throwable failure, long started) {
        boolean timeout = failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("%s unavailable for %s: %s", service, rc.get(REQUEST_ID_KEY), failure.toString());
        Problems.send(rc, timeout ? 504 : 502, timeout ? "upstream-timeout" : "upstream-unavailable", service);
        audit(rc, timeout ? 504 : 502, started);
    }

    /** Outside {@code /api} and the operations endpoints ({@code /q/health}, {@code /q/metrics}) there is nothing. */
    private void elsewhere(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/q/health") || path.equals("/q/metrics") || path.startsWith("/q/metrics/")) {
            rc.next();
        } else {
            Problems.send(rc, 404, "gateway-not-found");
        }
    }

    private void failure(RoutingContext rc) {
        int status = rc.statusCode();
        if (status == 413) {
            Problems.send(rc, 413, "body-too-large", config.maxBodyBytes() / 1024);
        } else if (status >= 400 && status < 500) {
            refused(rc, status);
        } else {
            LOG.error("Gateway failure", rc.failure());
            Problems.send(rc, 500, "internal");
        }
    }

    /** The gateway's own refusals (a malformed address, a method it does not route, …) as problem documents. */
    private void refused(RoutingContext rc, int status) {
        switch (status) {
            case 404 -> Problems.send(rc, 404, "gateway-not-found");
            case 413 -> Problems.send(rc, 413, "body-too-large", config.maxBodyBytes() / 1024);
            case 414 -> Problems.send(rc, 414, "uri-too-long", config.maxUriLength());
            case 431 -> Problems.send(rc, 431, "headers-too-large", config.maxHeaderBytes() / 1024);
            case 405 -> Problems.send(rc, 405, "http-405");
            case 500 -> {
                LOG.error("Gateway failure", rc.failure());
                Problems.send(rc, 500, "internal");
            }
            default -> Problems.send(rc, status, status == 400 ? "address-invalid" : "http-other", status);
        }
    }

    /**
     * A random request id in the form of a UUID. Not {@link UUID#randomUUID()}: its secure random generator (a SHA
     * digest per id) showed in the gateway's profile, and a request id needs to be unique, not unguessable.
     */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                      // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** Who reached which dossier: the audit trail the gateway keeps, and the request metrics. NISS numbers are masked. */
    private void audit(RoutingContext rc, int status, long started) {
        long nanos = System.nanoTime() - started;
        metrics.record(rc.get(SERVICE_KEY), status, nanos);
        if (!AUDIT.isInfoEnabled()) {
            return;
        }
        String path = NISS_IN_PATH.matcher(rc.request().path()).replaceAll(m -> "*******" + m.group().substring(7, 9) + "**");
        AUDIT.info(new StringBuilder(160).append("user=").append((String) rc.get(USER_KEY))
                .append(" method=").append(rc.request().method().name()).append(" path=").append(path)
                .append(" status=").append(status).append(" ms=").append(nanos / 1_000_000)
                .append(" requestId=").append((String) rc.get(REQUEST_ID_KEY)).toString());
    }
}
