package be.caisse.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/charter?from&to} (staff): the whole service charter in one answer, each service's figures as it
 * computed them ({@code GET /<service>/charter}), with the breaches of the must-be-100 % figures gathered on top. A
 * service that cannot answer now is named in {@code unavailable} and the others are still shown: a dashboard must
 * not go blank because one part is down. A refusal (not signed in, not staff, a wrong period) is the service's own.
 */
final class WholeCharter {
    private static final Logger LOG = Logger.getLogger(WholeCharter.class);
    static final String PATH = "/api/charter";
    static final List<String> SERVICES = List.of("affiliations", "contributions", "benefits", "recovery");
    private static final List<String> PASSED = List.of("Authorization", "Accept-Language");

    private final HttpClient client;
    private final Map<String, String> upstreams;
    private final long timeoutMs;

    WholeCharter(HttpClient client, Map<String, String> upstreams, long timeoutMs) {
        this.client = client;
        this.upstreams = upstreams;
        this.timeoutMs = timeoutMs;
    }

    private record Part(String prefix, int status, Buffer body, MultiMap headers) {
    }

    void handle(RoutingContext rc) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("from", "to")) {
            List<String> values = rc.queryParam(name);
            if (values.size() > 1) {
                Problems.send(rc, 400, "charter-parameter-repeated");
                return;
            }
            if (!values.isEmpty()) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(URLEncoder.encode(values.get(0), StandardCharsets.UTF_8));
            }
        }
        List<Future<Part>> parts = new ArrayList<>();
        for (String prefix : SERVICES) {
            parts.add(fetch(rc, prefix, "/" + prefix + "/charter" + query));
        }
        Future.join(parts).onComplete(done -> {
            JsonArray services = new JsonArray();
            JsonArray unavailable = new JsonArray();
            JsonArray breaches = new JsonArray();
            String from = null;
            String to = null;
            for (int i = 0; i < parts.size(); i++) {
                Future<Part> f = parts.get(i);
                Part p = f.succeeded() ? f.result() : null;
                if (p != null && p.status() >= 400 && p.status() < 500) {
                    relay(rc, p);
                    return;
                }
                if (p == null || p.status() != 200) {
                    LOG.warnf("charter of %s unavailable for %s: %s", SERVICES.get(i), rc.get(GatewayRoutes.REQUEST_ID_KEY),
                            p == null ? f.cause().toString() : "status " + p.status());
                    unavailable.add(SERVICES.get(i));
                    continue;
                }
                JsonObject view = p.body().toJsonObject();
                services.add(view);
                from = view.getString("from", from);
                to = view.getString("to", to);
                for (Object key : view.getJsonArray("breaches", new JsonArray())) {
                    breaches.add(new JsonObject().put("service", view.getString("service")).put("figure", key));
                }
            }
            rc.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("Content-Language", Problems.language(rc))
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("from", from).put("to", to).put("breaches", breaches).put("unavailable", unavailable)
                            .put("services", services).encode());
        });
    }

    private static void relay(RoutingContext rc, Part p) {
        rc.response().setStatusCode(p.status());
        for (String h : List.of("Content-Type", "Content-Language")) {
            String v = p.headers().get(h);
            if (v != null) {
                rc.response().putHeader(h, v);
            }
        }
        rc.response().end(p.body());
    }

    private Future<Part> fetch(RoutingContext rc, String prefix, String path) {
        String upstream = upstreams.get(prefix);
        if (upstream == null) {
            return Future.failedFuture("no upstream for " + prefix);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(upstream + path)
                .setTimeout(timeoutMs).setIdleTimeout(timeoutMs);
        for (String h : PASSED) {
            String v = rc.request().getHeader(h);
            if (v != null) {
                options.putHeader(h, v);
            }
        }
        options.putHeader(GatewayRoutes.REQUEST_ID, (String) rc.get(GatewayRoutes.REQUEST_ID_KEY));
        options.putHeader("Accept", "application/json");
        return client.request(options).compose(req -> req.send()).compose(res -> res.body()
                .map(body -> new Part(prefix, res.statusCode(), body, res.headers())));
    }
}
