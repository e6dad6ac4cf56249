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
import be.caisse.common.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/privacy/members/{niss}/export} (GDPR art. 15 and 20): everything the fund holds on the person, as
 * one ZIP archive: each service's own export as JSON ({@code affiliation.json}, …), the list of her documents
 * ({@code documents.json}) and a readable summary ({@code summary.txt}, in the caller's language). Each service checks
 * the caller (the member herself or the DPO) and records the export in the access trail; the gateway only gathers
 * the parts, and answers the first refusal as it came if one service refuses. Nothing of it is kept in the gateway.
 */
final class MemberExport {
    private static final Logger LOG = Logger.getLogger(MemberExport.class);
    static final String PATH = "/api/privacy/members/:niss/export";
    private static final Pattern NISS = Pattern.compile("\\d{11}");
    /** Headers a service needs to answer as it would through the proxy. */
    private static final List<String> PASSED = List.of("Authorization", "Accept-Language", "X-Access-Purpose");

    private final HttpClient client;
    private final Map<String, String> upstreams;
    private final long timeoutMs;

    MemberExport(HttpClient client, Map<String, String> upstreams, long timeoutMs) {
        this.client = client;
        this.upstreams = upstreams;
        this.timeoutMs = timeoutMs;
    }

    /** The services' parts, by the name of their file in the archive. */
    private record Part(String file, int status, Buffer body, MultiMap headers) {
    }

    void handle(RoutingContext rc) {
        String niss = rc.pathParam("niss");
        if (niss == null || !NISS.matcher(niss).matches()) {
            Problems.send(rc, 400, "export-niss-invalid");
            return;
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("affiliations", "affiliation");
        files.put("contributions", "contribution");
        files.put("benefits", "benefits");
        files.put("recovery", "recovery");
        List<Future<Part>> parts = new ArrayList<>();
        files.forEach((prefix, file) -> parts.add(fetch(rc, upstreams.get(prefix), "/" + prefix + "/privacy/persons/" + niss + "/export", file)));
        Future.join(parts).onComplete(done -> {
            List<Part> got = new ArrayList<>();
            for (Future<Part> f : parts) {
                if (f.failed()) {
                    LOG.warnf("export part unavailable for %s: %s", rc.get(GatewayRoutes.REQUEST_ID_KEY), f.cause().toString());
                    Problems.send(rc, 502, "export-part-unavailable");
                    return;
                }
                got.add(f.result());
            }
            for (Part p : got) {
                if (p.status() != 200) {
                    // the service's own refusal (401, 403, 404, 400), as it wrote it
                    rc.response().setStatusCode(p.status());
                    String type = p.headers().get("Content-Type");
                    if (type != null) {
                        rc.response().putHeader("Content-Type", type);
                    }
                    String lang = p.headers().get("Content-Language");
                    if (lang != null) {
                        rc.response().putHeader("Content-Language", lang);
                    }
                    rc.response().end(p.body());
                    return;
                }
            }
            try {
                byte[] zip = archive(got, Problems.language(rc));
                rc.response().setStatusCode(200).putHeader("Content-Type", "application/zip")
                        .putHeader("Content-Disposition", "attachment; filename=\"caisse-export-" + LocalDate.now() + ".zip\"")
                        .putHeader("Content-Language", Problems.language(rc))
                        .end(Buffer.buffer(zip));
            } catch (IOException | RuntimeException e) {
                LOG.error("The export archive could not be written", e);
                Problems.send(rc, 500, "internal");
            }
        });
    }

    private Future<Part> fetch(RoutingContext rc, String upstream, String path, String file) {
        if (upstream == null) {
            return Future.failedFuture("no upstream for " + file);
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(upstream + path).setIdleTimeout(timeoutMs);
        for (String h : PASSED) {
            String v = rc.request().getHeader(h);
            if (v != null) {
                options.putHeader(h, v);
            }
        }
        options.putHeader(GatewayRoutes.REQUEST_ID, (String) rc.get(GatewayRoutes.REQUEST_ID_KEY));
        options.putHeader("Accept", "application/json");
        return client.request(options).compose(req -> req.send()).compose(res -> res.body()
                .map(body -> new Part(file, res.statusCode(), body, res.headers())));
    }

    /** The archive: a JSON file per service, the documents, and a summary a person can read. */
    static byte[] archive(List<Part> parts, String language) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonArray documents = new JsonArray();
        StringBuilder summary = new StringBuilder();
        String niss = null;
        String exportedAt = null;
        Map<String, JsonObject> docs = new LinkedHashMap<>();
        for (Part p : parts) {
            JsonObject doc = p.body().toJsonObject();
            docs.put(p.file(), doc);
            niss = doc.getString("niss", niss);
            exportedAt = doc.getString("exportedAt", exportedAt);
        }
        JsonObject person = first(docs.get("affiliation"), "person");
        summary.append(Messages.text(language, "export.summary.title")).append('\n');
        summary.append(Messages.text(language, "export.summary.person",
                person == null ? "" : person.getString("first_name", "") + " " + person.getString("last_name", ""), niss, exportedAt)).append("\n\n");
        for (Map.Entry<String, JsonObject> d : docs.entrySet()) {
            JsonObject tables = d.getValue().getJsonObject("tables", new JsonObject());
            int rows = 0;
            for (String t : tables.fieldNames()) {
                rows += tables.getJsonArray(t).size();
            }
            summary.append(Messages.text(language, "export.summary.service", d.getKey() + ".json", tables.size(), rows)).append('\n');
            for (String t : tables.fieldNames()) {
                summary.append("  - ").append(t).append(": ").append(tables.getJsonArray(t).size()).append('\n');
            }
        }
        JsonArray memberDocuments = docs.get("affiliation") == null ? null
                : docs.get("affiliation").getJsonObject("tables", new JsonObject()).getJsonArray("member_document");
        summary.append('\n').append(Messages.text(language, "export.summary.documents", memberDocuments == null ? 0 : memberDocuments.size()))
                .append('\n');
        if (memberDocuments != null) {
            for (Object o : memberDocuments) {
                JsonObject m = (JsonObject) o;
                documents.add(new JsonObject().put("documentId", m.getValue("document_id")).put("type", m.getValue("type"))
                        .put("title", m.getValue("title")).put("date", m.getValue("document_date")).put("issuedAt", m.getValue("issued_at"))
                        .put("owner", m.getValue("owner")).put("href", m.getValue("href")));
                summary.append("  - ").append(m.getValue("document_date")).append("  ").append(m.getValue("title")).append('\n');
            }
        }
        summary.append('\n').append(Messages.text(language, "export.summary.rights")).append('\n');
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, JsonObject> d : docs.entrySet()) {
                put(zip, d.getKey() + ".json", d.getValue().encodePrettily());
            }
            put(zip, "documents.json", documents.encodePrettily());
            put(zip, "summary.txt", summary.toString());
        }
        return bytes.toByteArray();
    }

    private static JsonObject first(JsonObject doc, String table) {
        if (doc == null) {
            return null;
        }
        JsonArray rows = doc.getJsonObject("tables", new JsonObject()).getJsonArray(table);
        return rows == null || rows.isEmpty() ? null : rows.getJsonObject(0);
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
