package be.caisse.common.json;

import be.caisse.common.domain.Issue;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.problem.ViolationPaths;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every JSON request body of every service goes through here before it reaches a resource: it is read as a tree
 * (duplicate keys, trailing garbage and broken JSON refused with the line and column), its shape is checked
 * against the record it is meant for ({@link JsonShape}: unknown fields, wrong types, dates that are not
 * {@code yyyy-MM-dd}, nothing coerced), and when something is wrong the answer lists every wrong field at once:
 * the shape errors and, for what could still be read, the validation errors of the record.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {
    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    private volatile ObjectReader treeReader;

    private ObjectReader treeReader() {
        ObjectReader r = treeReader;
        if (r == null) {
            // exact decimals: 0.1 stays 0.1 (no double on the way), and its scale is kept
            r = mapper.reader().with(JsonNodeFactory.withExactBigDecimals(true))
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            treeReader = r;
        }
        return r;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType media = context.getMediaType();
        if (media == null || !isJson(media) || context.getType() == String.class || context.getType() == byte[].class
                || InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length == 0 || isBlank(body)) {
            return null; // the resource's @NotNull says that the body is required
        }
        JsonNode tree;
        try {
            tree = treeReader().readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw at == null ? new DomainProblem(400, "malformed-body")
                    : new DomainProblem(400, "malformed-body-at", at.getLineNr(), at.getColumnNr());
        }
        JavaType type = mapper.getTypeFactory().constructType(context.getGenericType());
        if (!JsonShape.handles(type)) {
            return mapper.readerFor(type).readValue(tree);
        }
        List<Issue> issues = new ArrayList<>(JsonShape.check(tree, type, mapper.getTypeFactory()));
        if (issues.isEmpty()) {
            return mapper.readerFor(type).readValue(tree);
        }
        // what could be read is validated too, so that the answer lists every wrong field at once
        try {
            Object partial = mapper.readerFor(type).readValue(tree);
            if (partial != null) {
                List<Issue> more = new ArrayList<>();
                for (ConstraintViolation<Object> v : validator.validate(partial)) {
                    String field = ViolationPaths.path(v);
                    if (issues.stream().noneMatch(i -> covers(i.field(), field))) {
                        more.add(ViolationPaths.issue(v, field));
                    }
                }
                more.sort(Issue.BY_FIELD);
                issues.addAll(more);
            }
        } catch (IOException | RuntimeException e) {
            // what is left cannot be built: the shape errors are the answer
        }
        throw DomainProblem.invalid(issues);
    }

    /** An issue on {@code address} covers the errors found below it ({@code address.city}). */
    private static boolean covers(String reported, String field) {
        if (reported == null || field == null) {
            return false;
        }
        return field.equals(reported) || field.startsWith(reported + ".") || field.startsWith(reported + "[");
    }

    private static boolean isJson(MediaType media) {
        return "application".equals(media.getType())
                && ("json".equals(media.getSubtype()) || media.getSubtype().endsWith("+json"));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
