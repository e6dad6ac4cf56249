package be.caisse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules an API description must keep for a front-end developer who reads only it. Run on each service's
 * document ({@code /q/openapi}) in the service's build, and on the merged one ({@code /api/openapi}) end to end.
 * Every finding names the operation and the rule; an empty list is a pass.
 *
 * <ul>
 *   <li>every operation has a unique {@code operationId} and a summary;</li>
 *   <li>its success answer is documented with a schema (204 excepted), and a 201 with its {@code Location};</li>
 *   <li>its error answers are {@code application/problem+json} with the shared {@code Problem} schema: 400 when it
 *       takes input, 401 and 403 when it is secured, 404 when its path has a parameter, 500 always;</li>
 *   <li>its roles are stated (a security requirement with its roles);</li>
 *   <li>every {@code $ref} resolves; no schema name ends in a digit (a {@code QuarterView1} is a name clash);</li>
 *   <li>every date, as a parameter or as a field, says its window (a description or the shared Date schema).</li>
 * </ul>
 */
public final class OpenApiLint {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern ENDS_IN_DIGIT = Pattern.compile(".*\\d$");
    private static final String PROBLEM = "application/problem+json";

    private OpenApiLint() {
    }

    /** Writes the document where a developer can read it after the build (target/openapi.json). */
    public static void keep(String json, String file) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(file);
            java.nio.file.Files.createDirectories(path.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(path, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> findings(String json) {
        try {
            return findings(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> findings(JsonNode doc) {
        List<String> out = new ArrayList<>();
        JsonNode schemas = doc.path("components").path("schemas");
        if (!schemas.has("Problem")) {
            out.add("components: no Problem schema");
        }
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (ENDS_IN_DIGIT.matcher(name).matches()) {
                out.add("schema " + name + ": a name ending in a digit is a clash of two types; name it (@Schema(name = ...))");
            }
        }
        Map<String, String> operationIds = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operation(path.getKey(), op.getKey(), op.getValue(), path.getValue(), operationIds, out);
                }
            }
        }
        refs(doc, doc, "", out);
        dates(schemas, out);
        return out;
    }

    private static void operation(String path, String method, JsonNode op, JsonNode item, Map<String, String> ids, List<String> out) {
        String where = method.toUpperCase() + " " + path;
        String id = op.path("operationId").asText("");
        if (id.isBlank()) {
            out.add(where + ": no operationId");
        } else if (ids.putIfAbsent(id, where) != null) {
            out.add(where + ": operationId " + id + " is also that of " + ids.get(id));
        }
        if (op.path("summary").asText("").isBlank()) {
            out.add(where + ": no summary");
        }
        JsonNode responses = op.path("responses");
        List<String> success = new ArrayList<>();
        responses.fieldNames().forEachRemaining(code -> {
            if (code.startsWith("2")) {
                success.add(code);
            }
        });
        if (success.isEmpty()) {
            out.add(where + ": no success answer documented");
        }
        for (String code : success) {
            JsonNode response = responses.path(code);
            if (!code.equals("204") && !hasSchema(response)) {
                out.add(where + ": answer " + code + " has no schema");
            }
            if (code.equals("201") && !response.path("headers").has("Location")) {
                out.add(where + ": answer 201 without its Location header");
            }
        }
        boolean secured = op.has("security") && op.path("security").size() > 0;
        boolean input = op.has("requestBody") || op.path("parameters").size() > 0 || item.path("parameters").size() > 0
                || path.contains("{");
        List<String> expected = new ArrayList<>(List.of("500"));
        if (input) {
            expected.add("400");
        }
        if (secured) {
            expected.add("401");
            expected.add("403");
        }
        if (path.contains("{")) {
            expected.add("404");
        }
        for (String code : expected) {
            JsonNode response = responses.path(code);
            if (response.isMissingNode()) {
                out.add(where + ": error answer " + code + " not documented");
            } else if (!response.path("content").path(PROBLEM).path("schema").path("$ref").asText("").endsWith("/Problem")) {
                out.add(where + ": error answer " + code + " is not application/problem+json with the Problem schema");
            }
        }
        if (!secured) {
            out.add(where + ": no roles stated (no security requirement)");
        } else {
            boolean anyRole = false;
            for (JsonNode requirement : op.path("security")) {
                for (JsonNode scopes : requirement) {
                    anyRole |= scopes.size() > 0;
                }
            }
            if (!anyRole) {
                out.add(where + ": the security requirement names no role");
            }
        }
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode schema = parameter.path("schema");
            String name = parameter.path("name").asText("");
            if ((name.equals("from") || name.equals("to") || name.equals("date") || name.endsWith("Date")) && !isDate(schema)) {
                out.add(where + ": parameter " + name + " holds a date but is not documented as one (format date)");
            }
            if (isDate(schema) && parameter.path("description").asText("").isBlank()
                    && schema.path("description").asText("").isBlank() && !schema.path("$ref").asText("").endsWith("/Date")) {
                out.add(where + ": date parameter " + parameter.path("name").asText() + " does not state its window");
            }
        }
    }

    private static boolean hasSchema(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            JsonNode schema = media.path("schema");
            if (!schema.isMissingNode() && schema.size() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDate(JsonNode schema) {
        return "date".equals(schema.path("format").asText(null)) || schema.path("$ref").asText("").endsWith("/Date");
    }

    private static void refs(JsonNode root, JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                JsonNode target = root.at(ref.asText().substring(1));
                if (target.isMissingNode()) {
                    out.add(at + ": $ref " + ref.asText() + " resolves to nothing");
                }
            }
            node.fields().forEachRemaining(e -> refs(root, e.getValue(), at + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(root, node.get(i), at + "/" + i, out);
            }
        }
    }

    /** A date field without the shared Date schema must say its window in its description. */
    private static void dates(JsonNode schemas, List<String> out) {
        Set<String> seen = new TreeSet<>();
        schemas.fields().forEachRemaining(s -> s.getValue().path("properties").fields().forEachRemaining(p -> {
            JsonNode schema = p.getValue();
            if ("date".equals(schema.path("format").asText(null)) && schema.path("description").asText("").isBlank()
                    && seen.add(s.getKey() + "." + p.getKey())) {
                out.add("schema " + s.getKey() + "." + p.getKey() + ": a date without its window");
            }
        }));
    }
}
