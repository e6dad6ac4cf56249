package be.caisse.gateway;

import be.caisse.common.i18n.Messages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem documents written by the gateway itself, in the same shape as the services' ones (type, title,
 * status, detail, instance, requestId, errors) and in the caller's language ({@code Accept-Language}, else English):
 * the front end handles one shape whoever answered.
 */
final class Problems {
    static final String LANGUAGE_KEY = "caisse.language";

    private Problems() {
    }

    /** The caller's language, read once per request. */
    static String language(RoutingContext rc) {
        String lang = rc.get(LANGUAGE_KEY);
        if (lang == null) {
            lang = Messages.fromAcceptLanguage(rc.request().getHeader("Accept-Language")).orElse(Messages.ENGLISH);
            rc.put(LANGUAGE_KEY, lang);
        }
        return lang;
    }

    /** Title {@code title.<code>} (else {@code title.<status>}), detail {@code problem.<code>} with its arguments. */
    static void send(RoutingContext rc, int status, String code, Object... args) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        String lang = language(rc);
        String title = Messages.find(lang, "title." + code).orElseGet(() -> Messages.text(lang, "title." + status));
        JsonObject body = new JsonObject()
                .put("type", "https://caisse.be/problems/" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", Messages.text(lang, "problem." + code, args))
                .put("instance", safePath(rc));
        String requestId = rc.get(GatewayRoutes.REQUEST_ID_KEY);
        if (requestId != null) {
            body.put("requestId", requestId);
            rc.response().putHeader(GatewayRoutes.REQUEST_ID, requestId);
        }
        body.put("errors", new JsonArray());
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Content-Language", lang)
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    /** The path called, bounded: a 64 KiB address is not echoed back. */
    private static String safePath(RoutingContext rc) {
        String path;
        try {
            path = rc.request().path();
        } catch (RuntimeException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }
}
