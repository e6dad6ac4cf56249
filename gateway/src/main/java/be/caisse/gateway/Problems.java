package be.caisse.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem documents written by the gateway itself (the services write their own). */
final class Problems {
    private Problems() {
    }

    static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "https://caisse.be/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.request().path());
        String requestId = rc.get(GatewayRoutes.REQUEST_ID_KEY);
        if (requestId != null) {
            body.put("requestId", requestId);
            rc.response().putHeader(GatewayRoutes.REQUEST_ID, requestId);
        }
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }
}
