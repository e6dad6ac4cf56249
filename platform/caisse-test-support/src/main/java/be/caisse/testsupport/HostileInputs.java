package be.caisse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A hostile caller generated from an API description: for every operation, a well-formed request built from its
 * schemas, then malformed variants of it (a wrong type in each field, a field missing, an unknown field, extreme
 * and overflowing numbers, absurd dates, texts far too long, broken JSON and XML, wrong content types, odd path
 * segments and query values). What every answer must keep:
 *
 * <ul>
 *   <li>never a 5xx, never a stack trace or a Java, SQL or framework name in the body;</li>
 *   <li>every refusal a problem document ({@code application/problem+json}, with {@code type}, {@code title},
 *       {@code status} equal to the answer's, and an {@code errors} list);</li>
 *   <li>a status the operation documents;</li>
 *   <li>a malformed field refused (4xx, never taken: no value silently coerced), and when it is refused as invalid
 *       (400 {@code validation}), the field named in {@code errors}.</li>
 * </ul>
 *
 * Seeded ({@code caisse.fuzz.seed}) and bounded ({@code caisse.fuzz.per-operation} variants per operation), so that a
 * failure is reproduced by running again with the seed it printed.
 */
public final class HostileInputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |java\\.lang|java\\.util|org\\.hibernate|jakarta\\.|io\\.quarkus|io\\.vertx|com\\.fasterxml|"
                    + "org\\.postgresql|be\\.caisse\\.|SQLState|ERROR: |NullPointer|ArrayList|LinkedHashMap");

    /** One answer that broke a rule. */
    public record Finding(String request, int status, String rule, String body) {
        @Override
        public String toString() {
            return request + " → " + status + ": " + rule + (body == null || body.isEmpty() ? "" : "\n    " + abbreviate(body));
        }
    }

    /** A request, and what it must be answered with. */
    private record Attempt(String method, String path, String contentType, String body, String fieldAtFault, boolean mustRefuse,
                           String label) {
    }

    private final JsonNode doc;
    private final String base;
    private final Random random;
    private final int perOperation;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Finding> findings = new ArrayList<>();
    private int sent;

    private HostileInputs(JsonNode doc, String base, long seed, int perOperation) {
        this.doc = doc;
        this.base = base;
        this.random = new Random(seed);
        this.perOperation = perOperation;
    }

    /** Runs every operation of {@code openApiJson} against {@code base} (http://host:port); returns the findings. */
    public static Result run(String openApiJson, String base, long seed, int perOperation) {
        try {
            HostileInputs fuzz = new HostileInputs(JSON.readTree(openApiJson), base, seed, perOperation);
            fuzz.all();
            return new Result(fuzz.sent, List.copyOf(fuzz.findings), seed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a run did: how many requests, and what broke a rule. */
    public record Result(int requests, List<Finding> findings, long seed) {
        public String report() {
            StringBuilder out = new StringBuilder(findings.size() + " findings in " + requests + " requests (seed " + seed
                    + ", run again with -Dcaisse.fuzz.seed=" + seed + "):\n");
            findings.stream().limit(60).forEach(f -> out.append("  ").append(f).append('\n'));
            return out.toString();
        }
    }

    private void all() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operation(path.getKey(), op.getKey(), op.getValue());
                }
            }
        }
    }

    private void operation(String template, String method, JsonNode op) {
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            (p.path("in").asText().equals("path") ? pathParams : queryParams).put(p.path("name").asText(), resolve(p.path("schema")));
        }
        JsonNode bodySchema = null;
        String bodyType = null;
        for (Iterator<Map.Entry<String, JsonNode>> media = op.path("requestBody").path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> m = media.next();
            bodyType = m.getKey();
            bodySchema = resolve(m.getValue().path("schema"));
            if (bodyType.contains("json")) {
                break;
            }
        }
        String validPath = fill(template, pathParams, Map.of());
        List<Attempt> attempts = new ArrayList<>();
        boolean jsonBody = bodyType != null && bodyType.contains("json");
        JsonNode valid = jsonBody ? sample(bodySchema, 0) : null;
        String validBody = jsonBody ? valid.toString() : bodyType != null ? "not a statement" : null;
        String m = method.toUpperCase(Locale.ROOT);

        // Odd path segments, each parameter in turn.
        for (String name : pathParams.keySet()) {
            for (String odd : List.of("abc", "0", "-1", "99999999999999999999999", "%2e%2e", "a".repeat(300), "%27%20OR%201%3D1--",
                    "%C3%A9", "null", "%00", "1e309", "+999999999-12-31")) {
                attempts.add(new Attempt(m, fill(template, pathParams, Map.of(name, odd)), bodyType, validBody, null, false,
                        "path " + name + "=" + odd));
            }
        }
        // Odd query values, each parameter in turn; and paging that overflows.
        for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
            for (String odd : queryValues(q.getValue())) {
                attempts.add(new Attempt(m, validPath + "?" + q.getKey() + "=" + URLEncoder.encode(odd, StandardCharsets.UTF_8),
                        bodyType, validBody, null, false, "query " + q.getKey() + "=" + odd));
            }
        }
        if (queryParams.containsKey("page")) {
            attempts.add(new Attempt(m, validPath + "?page=2147483647&size=100", bodyType, validBody, null, false, "last page"));
            attempts.add(new Attempt(m, validPath + "?page=21474836&size=100", bodyType, validBody, null, false, "page × size past 2^31"));
        }
        if (jsonBody) {
            bodyVariants(m, validPath, bodyType, valid, bodySchema, attempts);
        } else if (bodyType != null) {
            attempts.add(new Attempt(m, validPath, bodyType, "", null, true, "empty body"));
            attempts.add(new Attempt(m, validPath, bodyType, "\u0000\u0001garbage\uFFFF", null, true, "garbage body"));
        }
        // Seeded choice, the same for the same seed: every kind is kept once, then at random up to the bound.
        Collections.shuffle(attempts, random);
        for (Attempt a : attempts.subList(0, Math.min(perOperation, attempts.size()))) {
            send(op, a);
        }
    }

    private void bodyVariants(String m, String path, String type, JsonNode valid, JsonNode schema, List<Attempt> out) {
        String body = valid.toString();
        out.add(new Attempt(m, path, type, "", null, true, "empty body"));
        out.add(new Attempt(m, path, type, "{", null, true, "truncated JSON"));
        out.add(new Attempt(m, path, type, body.substring(0, Math.max(1, body.length() / 2)), null, true, "half a body"));
        out.add(new Attempt(m, path, type, "{\"a\":1,}", null, true, "trailing comma"));
        out.add(new Attempt(m, path, type, "null", null, true, "null body"));
        out.add(new Attempt(m, path, type, "[]", null, true, "array for an object"));
        out.add(new Attempt(m, path, type, "\"text\"", null, true, "string for an object"));
        out.add(new Attempt(m, path, type, "12345", null, true, "number for an object"));
        out.add(new Attempt(m, path, type, body + body, null, true, "two bodies"));
        out.add(new Attempt(m, path, type, "[".repeat(5000) + "]".repeat(5000), null, true, "nested 5000 deep"));
        out.add(new Attempt(m, path, "application/xml", "<person><niss>85071412330</niss></person>", null, true, "XML"));
        out.add(new Attempt(m, path, "text/plain", body, null, true, "JSON sent as text/plain"));
        out.add(new Attempt(m, path, "application/x-www-form-urlencoded", "niss=85071412330", null, true, "a form"));
        out.add(new Attempt(m, path, null, body, null, true, "no content type"));
        if (!(valid instanceof ObjectNode object)) {
            return;
        }
        ObjectNode unknown = object.deepCopy();
        unknown.put("birthdate", "1990-01-01");
        out.add(new Attempt(m, path, type, unknown.toString(), "birthdate", true, "unknown field birthdate"));
        String dup = body.length() > 2 ? "{" + body.substring(1, body.length() - 1) + "," + body.substring(1) : body;
        out.add(new Attempt(m, path, type, dup, null, true, "every key twice"));
        for (String required : required(schema)) {
            ObjectNode missing = object.deepCopy();
            missing.remove(required);
            out.add(new Attempt(m, path, type, missing.toString(), required, true, "without " + required));
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode property = resolve(properties.path(name));
            for (Map.Entry<String, JsonNode> wrong : wrongValues(property).entrySet()) {
                ObjectNode changed = object.deepCopy();
                changed.set(name, wrong.getValue());
                out.add(new Attempt(m, path, type, changed.toString(), name, true, name + " " + wrong.getKey()));
            }
            if (property.path("type").asText("").equals("object") || property.has("properties")) {
                JsonNode nested = object.path(name);
                for (Iterator<String> inner = property.path("properties").fieldNames(); inner.hasNext() && nested instanceof ObjectNode; ) {
                    String innerName = inner.next();
                    ObjectNode changed = object.deepCopy();
                    ((ObjectNode) changed.get(name)).put(innerName, 12345);
                    if (!typeOf(resolve(property.path("properties").path(innerName))).equals("number")
                            && !typeOf(resolve(property.path("properties").path(innerName))).equals("integer")) {
                        out.add(new Attempt(m, path, type, changed.toString(), name + "." + innerName, true,
                                name + "." + innerName + " a number"));
                    }
                }
            }
        }
    }

    /** Values of the wrong type, or of the right type but absurd, for a field of this schema. */
    private Map<String, JsonNode> wrongValues(JsonNode property) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String type = typeOf(property);
        String format = property.path("format").asText("");
        switch (type) {
            case "string" -> {
                out.put("a number", NODES.numberNode(12345));
                out.put("true", NODES.booleanNode(true));
                out.put("a list", NODES.arrayNode().add("x"));
                out.put("an object", NODES.objectNode().put("x", 1));
                if (format.equals("date")) {
                    for (String absurd : List.of("+999999999-12-31", "0001-01-01", "9999-12-31", "2026-02-30", "2026-01-01T00:00:00Z",
                            "01/02/2026", "")) {
                        out.put("date " + absurd, NODES.textNode(absurd));
                    }
                } else if (!property.has("enum")) {
                    out.put("10000 characters", NODES.textNode("x".repeat(10_000)));
                } else {
                    out.put("an unknown choice", NODES.textNode("NOT_A_CHOICE"));
                    out.put("the choice in lower case", NODES.textNode(property.path("enum").path(0).asText().toLowerCase(Locale.ROOT)));
                }
            }
            case "integer", "number" -> {
                out.put("a text", NODES.textNode("12"));
                out.put("true", NODES.booleanNode(true));
                out.put("1e309", NODES.numberNode(new java.math.BigDecimal("1e309")));
                out.put("-1e309", NODES.numberNode(new java.math.BigDecimal("-1e309")));
                out.put("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
                if (type.equals("integer")) {
                    out.put("a fraction", NODES.numberNode(new java.math.BigDecimal("1.5")));
                    out.put("999999999", NODES.numberNode(999_999_999));
                } else {
                    out.put("a thousandth", NODES.numberNode(new java.math.BigDecimal("0.001")));
                    out.put("-1", NODES.numberNode(-1));
                }
            }
            case "boolean" -> {
                out.put("a text", NODES.textNode("true"));
                out.put("1", NODES.numberNode(1));
            }
            case "array" -> {
                out.put("a text", NODES.textNode("x"));
                out.put("an object", NODES.objectNode());
            }
            case "object" -> {
                out.put("a text", NODES.textNode("x"));
                out.put("a list", NODES.arrayNode());
            }
            default -> {
            }
        }
        return out;
    }

    private List<String> queryValues(JsonNode schema) {
        String type = typeOf(schema);
        if (type.equals("integer") || type.equals("number")) {
            return List.of("abc", "-1", "2147483648", "99999999999999999999", "1e3", "", "1.5");
        }
        if (schema.path("format").asText("").equals("date")) {
            return List.of("9999-12-31", "+999999999-12-31", "0000-01-01", "2026-02-30", "12345", "x");
        }
        if (type.equals("boolean")) {
            return List.of("yes", "2", "");
        }
        return List.of("", "x".repeat(2000), "%", "_", "' OR 1=1 --", "\u00e9", "null");
    }

    private void send(JsonNode op, Attempt a) {
        sent++;
        String request = a.method() + " " + a.path() + " [" + a.label() + "]";
        HttpResponse<String> response;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + a.path())).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json");
            if (a.contentType() != null) {
                builder.header("Content-Type", a.contentType());
            }
            HttpRequest.BodyPublisher body = a.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(a.body());
            response = http.send(builder.method(a.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return; // an address the client itself refuses to send
        } catch (IOException e) {
            findings.add(new Finding(request, 0, "no answer: " + e, null));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status >= 500) {
            findings.add(new Finding(request, status, "a 5xx", text));
        }
        if (LEAK.matcher(text).find()) {
            findings.add(new Finding(request, status, "internals in the answer", text));
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                findings.add(new Finding(request, status, "a refusal that is not a problem document (" + contentType + ")", text));
            } else {
                problem(request, status, text, a);
            }
        } else if (a.mustRefuse()) {
            findings.add(new Finding(request, status, "malformed input taken", text));
        }
        String code = Integer.toString(status);
        if (status < 500 && !op.path("responses").has(code) && status != 404 && status != 405) {
            findings.add(new Finding(request, status, "status " + status + " not documented for this operation", null));
        }
    }

    private void problem(String request, int status, String text, Attempt a) {
        JsonNode problem;
        try {
            problem = JSON.readTree(text);
        } catch (IOException e) {
            findings.add(new Finding(request, status, "a problem document that is not JSON", text));
            return;
        }
        if (!problem.path("type").isTextual() || !problem.path("title").isTextual() || problem.path("status").asInt() != status
                || !problem.path("errors").isArray()) {
            findings.add(new Finding(request, status, "a problem document without type, title, status or errors", text));
            return;
        }
        if (status == 400 && a.fieldAtFault() != null && problem.path("type").asText().endsWith("/validation")) {
            boolean named = false;
            for (JsonNode e : problem.path("errors")) {
                String field = e.path("field").asText("");
                named |= field.equals(a.fieldAtFault()) || field.startsWith(a.fieldAtFault() + ".")
                        || field.startsWith(a.fieldAtFault() + "[");
                if (e.path("code").asText("").isBlank() || e.path("message").asText("").isBlank()) {
                    findings.add(new Finding(request, status, "a field error without its code or message", text));
                }
            }
            if (!named) {
                findings.add(new Finding(request, status, "the field " + a.fieldAtFault() + " is not named in errors", text));
            }
        }
    }

    // --- requests built from the schemas ----------------------------------------------------------------------------

    private String fill(String template, Map<String, JsonNode> params, Map<String, String> override) {
        String path = template;
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            String value = override.containsKey(p.getKey()) ? override.get(p.getKey()) : pathValue(p.getKey(), p.getValue());
            path = path.replace("{" + p.getKey() + "}", value);
        }
        return path;
    }

    private String pathValue(String name, JsonNode schema) {
        return switch (name) {
            case "niss" -> Nisses.of(LocalDate.of(1985, 7, 14), 1 + random.nextInt(900));
            case "enterpriseNumber" -> "0403170701";
            case "quarter" -> "2026-Q1";
            case "year" -> "2026";
            default -> typeOf(schema).equals("integer") ? "1" : UUID.randomUUID().toString();
        };
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").path(0);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = p.next();
                        o.set(e.getKey(), named(e.getKey(), e.getValue(), depth));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(sample(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal("100.00"));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return switch (schema.path("format").asText("")) {
                    case "date" -> NODES.textNode("2026-01-01");
                    case "date-time" -> NODES.textNode("2026-01-01T00:00:00.000Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    default -> NODES.textNode("text");
                };
            }
        }
    }

    /** Fields whose name says what they hold get a well-formed value of it. */
    private JsonNode named(String name, JsonNode schema, int depth) {
        String n = name.toLowerCase(Locale.ROOT);
        if (typeOf(resolve(schema)).equals("string") && !resolve(schema).has("enum")) {
            if (n.equals("niss") || n.endsWith("niss")) {
                return NODES.textNode(Nisses.of(LocalDate.of(1985, 7, 14), 1 + random.nextInt(900)));
            }
            if (n.contains("iban")) {
                return NODES.textNode("BE68539007547034");
            }
            if (n.contains("enterprisenumber")) {
                return NODES.textNode("0403170701");
            }
            if (n.contains("email")) {
                return NODES.textNode("lea@example.be");
            }
            if (n.contains("postalcode")) {
                return NODES.textNode("1000");
            }
            if (n.equals("country")) {
                return NODES.textNode("BE");
            }
            if (n.equals("language")) {
                return NODES.textNode("fr");
            }
            if (n.equals("quarter")) {
                return NODES.textNode("2026-Q1");
            }
        }
        return sample(schema, depth + 1);
    }

    private List<String> required(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.has("$ref")) {
                schema = doc.at(schema.path("$ref").asText().substring(1));
            } else if (schema.has("allOf") && schema.path("allOf").size() == 1) {
                schema = schema.path("allOf").path(0);
            } else {
                break;
            }
        }
        return schema == null ? NODES.objectNode() : schema;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "";
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }
}
