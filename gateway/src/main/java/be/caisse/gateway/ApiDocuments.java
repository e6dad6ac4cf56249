package be.caisse.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/openapi}: the one API description a front end reads. Each service publishes its own document
 * ({@code /q/openapi}); the gateway merges them: paths under {@code /api}, a {@code servers} entry for this gateway,
 * the schemas of all services side by side (one schema per name: the shared ones, like {@code Problem}, are equal
 * everywhere; two different schemas under one name would be renamed with their service's prefix), the tags, and a
 * bearer security scheme next to Keycloak's so that a token can be pasted in the Swagger UI. Kept for a few minutes;
 * a service that does not answer is listed in {@code x-caisse-missing} and the document is not kept.
 */
@Singleton
public class ApiDocuments {
    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);
    static final String BEARER = "bearerToken";
    static final String DESCRIPTION = """
            The API of Caisse, the social insurance fund for the self-employed, for its web and mobile front ends. \
            Every operation below is reached through this gateway with a Keycloak access token of the caisse realm \
            (`Authorization: Bearer …`); the roles of each operation are listed in its description.

            **Representations.** Amounts are JSON numbers in euro with two decimals (`890.40`), never strings; rates \
            and coefficients keep their own precision. Dates are strings `yyyy-MM-dd`, each with its window; instants \
            are UTC to the millisecond ending in `Z`. An enterprise number is its ten digits (`0403170701`). A field \
            without a value is left out of the answer, never `null`. A request body is strict JSON: unknown fields, \
            a number for a text, a text for a number, a date-time for a date are refused.

            **Lists** are paged: `page` from 0, `size` 1–100; the answer gives `items`, `page`, `size`, `totalItems`, \
            `totalPages`. A page past the end is empty; a page or size that is not a number, or out of range, is a 400.

            **Errors** are RFC 9457 problem documents (`application/problem+json`): `type` (stable per kind), \
            `title`, `detail`, `status`, `instance`, `requestId` and `errors`, the list of every wrong field with its \
            path in the request (`address.postalCode`, `quarters[1]`), a stable `code` and a `message`.

            **Languages.** Texts (titles, details, messages, labels, notes) are in French, Dutch, German or English, \
            chosen by `Accept-Language`, else the member's recorded language on her own dossier, else English; the \
            answer says which in `Content-Language`.

            **Statuses.** A creation answers 201 with `Location`; an action recorded on a dossier (a cessation, a \
            request) 201 with what was created; a work started in the background 202; a read 200. A quarter outside \
            the liability answers 200 with `liable: false`.""";

    @Inject
    GatewayConfig config;

    private HttpClient client;
    private volatile JsonObject kept;
    private volatile long keptAt;
    private volatile Future<JsonObject> pending;

    void use(HttpClient httpClient) {
        this.client = httpClient;
    }

    void handle(RoutingContext rc) {
        document().onSuccess(doc -> {
            JsonObject answer = doc.copy();
            String scheme = rc.request().scheme();
            String authority = rc.request().authority() == null ? "localhost" : rc.request().authority().toString();
            answer.put("servers", new JsonArray().add(new JsonObject()
                    .put("url", scheme + "://" + authority).put("description", "This gateway")));
            rc.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                    .end(answer.encode());
        }).onFailure(failure -> {
            LOG.warnf("API description unavailable: %s", failure.toString());
            Problems.send(rc, 502, "upstream-unavailable", "openapi");
        });
    }

    private synchronized Future<JsonObject> document() {
        JsonObject doc = kept;
        if (doc != null && System.currentTimeMillis() - keptAt < config.openapiCacheSeconds() * 1000L) {
            return Future.succeededFuture(doc);
        }
        if (pending != null) {
            return pending;
        }
        Map<String, Future<JsonObject>> fetches = new LinkedHashMap<>();
        new TreeMap<>(config.upstream()).forEach((prefix, url) -> fetches.put(prefix, fetch(url)));
        Future<JsonObject> merged = Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
            LinkedHashMap<String, JsonObject> docs = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            fetches.forEach((prefix, f) -> {
                if (f.succeeded()) {
                    docs.put(prefix, f.result());
                } else {
                    missing.add(prefix);
                }
            });
            JsonObject result = merge(docs);
            if (!missing.isEmpty()) {
                result.put("x-caisse-missing", new JsonArray(missing));
            }
            synchronized (this) {
                pending = null;
                if (missing.isEmpty()) {
                    kept = result;
                    keptAt = System.currentTimeMillis();
                }
            }
            return Future.succeededFuture(result);
        });
        pending = merged;
        return merged;
    }

    private Future<JsonObject> fetch(String base) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + "/q/openapi?format=json").setIdleTimeout(config.timeoutMs())
                .putHeader("Accept", "application/json");
        return client.request(options).compose(r -> r.send()).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("status " + response.statusCode());
            }
            return response.body().map(b -> new JsonObject(b));
        });
    }

    /** The services' documents (by gateway prefix) as one: pure, so that it is tested without a network. */
    static JsonObject merge(Map<String, JsonObject> documents) {
        JsonObject schemas = new JsonObject();
        JsonObject securitySchemes = new JsonObject();
        JsonObject paths = new JsonObject();
        JsonArray tags = new JsonArray();
        List<String> tagNames = new ArrayList<>();
        String version = "3.1.0";
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String prefix = entry.getKey();
            JsonObject doc = entry.getValue();
            if (doc.getString("openapi") != null) {
                version = doc.getString("openapi");
            }
            JsonObject components = doc.getJsonObject("components", new JsonObject());
            JsonObject own = components.getJsonObject("schemas", new JsonObject());
            Map<String, String> renames = new HashMap<>();
            for (String name : own.fieldNames()) {
                if (schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name))) {
                    renames.put(name, Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + name);
                }
            }
            JsonObject renamed = renames.isEmpty() ? doc : (JsonObject) rename(doc, renames);
            JsonObject renamedSchemas = renamed.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            for (String name : renamedSchemas.fieldNames()) {
                String target = renames.getOrDefault(name, name);
                schemas.put(target, renamedSchemas.getValue(name));
            }
            renamed.getJsonObject("components", new JsonObject()).getJsonObject("securitySchemes", new JsonObject())
                    .forEach(s -> securitySchemes.put(s.getKey(), s.getValue()));
            for (Object t : renamed.getJsonArray("tags", new JsonArray())) {
                JsonObject tag = (JsonObject) t;
                if (!tagNames.contains(tag.getString("name"))) {
                    tagNames.add(tag.getString("name"));
                    tags.add(tag);
                }
            }
            JsonObject ownPaths = renamed.getJsonObject("paths", new JsonObject());
            for (String path : new java.util.TreeSet<>(ownPaths.fieldNames())) {
                if (path.startsWith("/q/")) {
                    continue;
                }
                JsonObject item = ownPaths.getJsonObject(path).copy();
                for (String method : item.fieldNames()) {
                    if (item.getValue(method) instanceof JsonObject operation && operation.containsKey("security")) {
                        JsonArray security = operation.getJsonArray("security").copy();
                        JsonArray scopes = new JsonArray();
                        for (Object requirement : security) {
                            ((JsonObject) requirement).forEach(r -> {
                                if (r.getValue() instanceof JsonArray roles) {
                                    roles.forEach(scopes::add);
                                }
                            });
                        }
                        security.add(new JsonObject().put(BEARER, scopes));
                        operation.put("security", security);
                        tooMany(operation);
                    }
                }
                paths.put("/api" + path, item);
            }
        }
        paths.put("/api/privacy/members/{niss}/export", memberExport());
        paths.put(WholeCharter.PATH, wholeCharter());
        securitySchemes.put(BEARER, new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An access token of the caisse realm (Keycloak), as the front ends send it"));
        JsonObject sortedSchemas = new JsonObject();
        new TreeMap<>(schemas.getMap()).forEach(sortedSchemas::put);
        return new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject().put("title", "Caisse API").put("version", "1.0.0").put("description", DESCRIPTION))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", sortedSchemas).put("securitySchemes", securitySchemes));
    }

    /** Every secured route may answer the gateway's rate limit ({@link RateLimiter}). */
    private static void tooMany(JsonObject operation) {
        JsonObject responses = operation.getJsonObject("responses");
        if (responses != null && !responses.containsKey("429")) {
            responses.put("429", new JsonObject().put("description", "Too many requests from this user: wait the seconds of Retry-After")
                    .put("headers", new JsonObject().put("Retry-After", new JsonObject().put("description", "Seconds to wait")
                            .put("schema", new JsonObject().put("type", "integer"))))
                    .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                            .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem")))));
        }
    }

    /** The gateway's own operation ({@link MemberExport}): the four services' exports in one archive. */
    static JsonObject memberExport() {
        JsonObject responses = new JsonObject().put("200", new JsonObject()
                .put("description", "A ZIP archive: affiliation.json, contribution.json, benefits.json, recovery.json (each service's "
                        + "PersonDataExport), documents.json (her documents) and summary.txt (readable, in the answer's language)")
                .put("content", new JsonObject().put("application/zip", new JsonObject()
                        .put("schema", new JsonObject().put("type", "string").put("format", "binary")))));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        problems.put("400", "The NISS is not valid");
        problems.put("401", "Not signed in");
        problems.put("403", "Not the member herself nor the DPO");
        problems.put("404", "No such person");
        problems.put("500", "Unexpected error (quote the request id)");
        problems.put("502", "A service could not give its part now: nothing was kept, try again");
        problems.forEach((code, text) -> responses.put(code, new JsonObject().put("description", text)
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))))));
        JsonArray roles = new JsonArray().add("affiliate").add("dpo");
        JsonObject get = new JsonObject()
                .put("tags", new JsonArray().add("Privacy"))
                .put("summary", "Everything the fund holds on the person, as one archive (the member herself or the DPO; GDPR art. 15 and 20)")
                .put("description", "Each service's part and the list of her documents; every part is recorded in the access trail. "
                        + "Roles: affiliate (her own NISS), dpo.")
                .put("operationId", "Gateway_memberExport")
                .put("parameters", new JsonArray().add(new JsonObject().put("name", "niss").put("in", "path").put("required", true)
                        .put("description", "The person's NISS (11 digits)")
                        .put("schema", new JsonObject().put("type", "string").put("pattern", "^[0-9]{11}$"))))
                .put("responses", responses)
                .put("security", new JsonArray().add(new JsonObject().put(BEARER, roles.copy())))
                .put("x-roles", roles);
        tooMany(get);
        return new JsonObject().put("get", get);
    }

    /** The gateway's own operation ({@link WholeCharter}): the four services' charter figures in one answer. */
    static JsonObject wholeCharter() {
        JsonObject breach = new JsonObject().put("type", "object").put("required", new JsonArray().add("service").add("figure"))
                .put("properties", new JsonObject().put("service", new JsonObject().put("type", "string"))
                        .put("figure", new JsonObject().put("type", "string")));
        JsonObject schema = new JsonObject().put("type", "object")
                .put("required", new JsonArray().add("breaches").add("unavailable").add("services"))
                .put("properties", new JsonObject()
                        .put("from", new JsonObject().put("type", "string").put("format", "date"))
                        .put("to", new JsonObject().put("type", "string").put("format", "date"))
                        .put("breaches", new JsonObject().put("type", "array").put("items", breach)
                                .put("description", "Must-be-100 % figures that are not, in every service"))
                        .put("unavailable", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "string"))
                                .put("description", "Services that could not answer now (the others are shown)"))
                        .put("services", new JsonObject().put("type", "array")
                                .put("items", new JsonObject().put("$ref", "#/components/schemas/CharterFigures"))));
        JsonObject responses = new JsonObject().put("200", new JsonObject().put("description", "The whole charter, service by service")
                .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema))));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        problems.put("400", "A wrong period (each wrong field listed), or a parameter given twice");
        problems.put("401", "Not signed in");
        problems.put("403", "Not staff (agent, supervisor, admin)");
        problems.put("500", "Unexpected error (quote the request id)");
        problems.forEach((code, text) -> responses.put(code, new JsonObject().put("description", text)
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))))));
        JsonArray roles = new JsonArray().add("agent").add("supervisor").add("admin");
        JsonObject date = new JsonObject().put("type", "string").put("format", "date");
        JsonObject get = new JsonObject()
                .put("tags", new JsonArray().add("Charter"))
                .put("summary", "The service charter measured: every service's figures for a period, with the breaches on top (staff)")
                .put("description", "Each figure computed from the data when asked, with its definition and target. Without a period: the "
                        + "rolling window of the Prometheus gauges ending today. Roles: agent, supervisor, admin.")
                .put("operationId", "Gateway_charter")
                .put("parameters", new JsonArray()
                        .add(new JsonObject().put("name", "from").put("in", "query").put("description", "From this day (yyyy-MM-dd)").put("schema", date.copy()))
                        .add(new JsonObject().put("name", "to").put("in", "query").put("description", "Up to this day included (yyyy-MM-dd)").put("schema", date.copy())))
                .put("responses", responses)
                .put("security", new JsonArray().add(new JsonObject().put(BEARER, roles.copy())))
                .put("x-roles", roles);
        tooMany(get);
        return new JsonObject().put("get", get);
    }

    /** Every {@code $ref} to a renamed schema, and the schema's own key, follow the rename. */
    private static Object rename(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject o) {
            JsonObject out = new JsonObject();
            for (Map.Entry<String, Object> e : o) {
                Object value = e.getValue();
                if (e.getKey().equals("$ref") && value instanceof String ref && ref.startsWith("#/components/schemas/")) {
                    String name = ref.substring("#/components/schemas/".length());
                    value = "#/components/schemas/" + renames.getOrDefault(name, name);
                }
                out.put(e.getKey(), rename(value, renames));
            }
            return out;
        }
        if (node instanceof JsonArray a) {
            JsonArray out = new JsonArray();
            a.forEach(v -> out.add(rename(v, renames)));
            return out;
        }
        return node;
    }
}
