package be.caisse.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/docs}: a Swagger UI over {@code /api/openapi}, without a token. The page and its script are the
 * gateway's own; Swagger UI's files come from SmallRye's packaging of it ({@code smallrye-open-api-ui}), read from the
 * class path and served only under {@code /api/docs/} from a fixed list (nothing else of the class path is reachable).
 */
@Singleton
public class ApiDocsUi {
    private static final String SWAGGER = "META-INF/resources/openapi-ui/";
    private static final String OWN = "caisse-docs/";
    private record Asset(String resource, String contentType) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
            "index.html", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
            "caisse-docs.js", new Asset(OWN + "caisse-docs.js", "text/javascript; charset=utf-8"),
            "swagger-ui.css", new Asset(SWAGGER + "swagger-ui.css", "text/css; charset=utf-8"),
            "swagger-ui-bundle.js", new Asset(SWAGGER + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "swagger-ui-standalone-preset.js", new Asset(SWAGGER + "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8"),
            "favicon.ico", new Asset(SWAGGER + "favicon.ico", "image/x-icon"));

    private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

    void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        String name = path.equals("/api/docs") ? "" : path.substring("/api/docs/".length());
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            Problems.send(rc, 404, "gateway-not-found");
            return;
        }
        Buffer content = loaded.computeIfAbsent(asset.resource(), ApiDocsUi::read);
        rc.response().putHeader("Content-Type", asset.contentType())
                .putHeader("Cache-Control", asset.resource().startsWith(OWN) ? "no-cache" : "public, max-age=86400")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(content);
    }

    private static Buffer read(String resource) {
        try (InputStream in = ApiDocsUi.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing on the class path: " + resource);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
