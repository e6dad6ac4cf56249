package be.caisse.common.json;

import be.caisse.common.domain.Issue;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that a JSON document has the shape of the record it is meant for, before anything is converted, and finds
 * every mismatch instead of stopping at the first one: an unknown field (a typo must not silently lose data), a
 * number where a text is expected (a NISS sent as a number loses its leading zero), a text where a number is, a date
 * that is not a {@code yyyy-MM-dd} string, a value outside an enum, an integer beyond its range. Nothing is coerced.
 *
 * <p>Fields found wrong are removed from the tree, so that what is left can still be converted and validated, and
 * the answer can list the wrong types and the missing or invalid values together.
 */
public final class JsonShape {
    /** The widest window of any date the API takes; each field narrows it where the rules say more. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final TypeFactory types;
    private final List<Issue> issues = new ArrayList<>();

    private JsonShape(TypeFactory types) {
        this.types = types;
    }

    /** Checks {@code root} against {@code type}; the returned issues are in document order. Wrong fields are removed. */
    public static List<Issue> check(JsonNode root, JavaType type, TypeFactory types) {
        JsonShape shape = new JsonShape(types);
        shape.value(root, type, "");
        return shape.issues;
    }

    /** Whether a type is one this check knows how to walk (records and the plain values and containers of them). */
    public static boolean handles(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            return true;
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return type.getContentType() != null && handles(type.getContentType());
        }
        return raw == String.class || raw.isEnum() || raw == LocalDate.class || raw == BigDecimal.class
                || raw == Integer.class || raw == Long.class || raw == Boolean.class || raw == UUID.class;
    }

    /** @return false when the value is wrong (an issue was recorded and the caller should drop it) */
    private boolean value(JsonNode node, JavaType type, String path) {
        if (node == null || node.isNull()) {
            return true; // presence is for the validation (@NotNull) to judge
        }
        Class<?> raw = type.getRawClass();
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                return wrong(path, "list");
            }
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (!value(array.get(i), type.getContentType(), path + "[" + i + "]")) {
                    array.set(i, NullNode.getInstance()); // reported; the list itself has the right shape
                }
            }
            return true;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                return wrong(path, "object");
            }
            ObjectNode object = (ObjectNode) node;
            List<String> bad = new ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (!value(e.getValue(), type.getContentType(), join(path, e.getKey()))) {
                    bad.add(e.getKey());
                }
            });
            bad.forEach(object::remove);
            return true;
        }
        if (raw == String.class) {
            return node.isTextual() || wrong(path, "text");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean() || wrong(path, "boolean");
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            if (!node.isIntegralNumber()) {
                return wrong(path, "whole-number");
            }
            return node.canConvertToInt() || range(path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == Long.class || raw == long.class) {
            if (!node.isIntegralNumber()) {
                return wrong(path, "whole-number");
            }
            return node.canConvertToLong() || range(path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == BigDecimal.class || raw == BigInteger.class || raw == Double.class || raw == double.class) {
            return node.isNumber() || wrong(path, "number");
        }
        if (raw == LocalDate.class) {
            return date(node, path);
        }
        if (raw == UUID.class) {
            if (!node.isTextual()) {
                return wrong(path, "uuid");
            }
            try {
                UUID.fromString(node.textValue());
                return node.textValue().length() == 36 || wrong(path, "uuid");
            } catch (IllegalArgumentException e) {
                return wrong(path, "uuid");
            }
        }
        if (raw.isEnum()) {
            Set<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!node.isTextual() || !names.contains(node.textValue())) {
                issues.add(Issue.field(path, "one-of", String.join(", ", names)));
                return false;
            }
            return true;
        }
        return true; // a type the API does not constrain further (Object, JsonNode)
    }

    private boolean record(JsonNode node, Class<?> raw, String path) {
        if (!node.isObject()) {
            return wrong(path, "object");
        }
        ObjectNode object = (ObjectNode) node;
        RecordComponent[] components = raw.getRecordComponents();
        Set<String> known = new LinkedHashSet<>();
        for (RecordComponent c : components) {
            known.add(c.getName());
        }
        List<String> drop = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                issues.add(Issue.field(join(path, name), "unknown-field"));
                drop.add(name);
            }
        }
        for (RecordComponent c : components) {
            JsonNode child = object.get(c.getName());
            String childPath = join(path, c.getName());
            if (c.getType().isPrimitive() && (child == null || child.isNull())) {
                issues.add(Issue.field(childPath, "required"));
                continue;
            }
            if (child != null && !value(child, types.constructType(c.getGenericType()), childPath)) {
                drop.add(c.getName());
            }
        }
        drop.forEach(object::remove);
        return true;
    }

    private boolean date(JsonNode node, String path) {
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            return wrong(path, "date");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue(), STRICT_DATE);
        } catch (DateTimeParseException e) {
            issues.add(Issue.field(path, "date-invalid"));
            return false;
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            issues.add(Issue.field(path, "date-window", EARLIEST_DATE, LATEST_DATE));
            return false;
        }
        return true;
    }

    private boolean wrong(String path, String expected) {
        issues.add(Issue.field(path, "type-" + expected));
        return false;
    }

    private boolean range(String path, long min, long max) {
        issues.add(Issue.field(path, "out-of-range", min, max));
        return false;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
