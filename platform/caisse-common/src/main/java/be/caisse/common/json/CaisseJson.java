package be.caisse.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every service writes and reads JSON, in one place:
 * <ul>
 * <li>amounts are numbers with (at least) two decimals, never in exponent form: {@code 890.40};</li>
 * <li>timestamps are UTC with {@code Z}, to the millisecond: {@code 2026-12-02T09:15:00.000Z};</li>
 * <li>a field without a value is left out (never {@code null}); lists are always there, empty when empty;</li>
 * <li>nothing is coerced when reading: a number is not a text, a text is not a number or a boolean, an unknown
 * field is an error (the request bodies are checked even earlier, all fields at once, by {@link StrictJsonReader}).</li>
 * </ul>
 */
@Singleton
public class CaisseJson implements ObjectMapperCustomizer {
    static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Last, after the modules Quarkus registers (java.time among them), so that these serializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType t : new LogicalType[]{LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime, LogicalType.Enum}) {
            var coercion = mapper.coercionConfigFor(t);
            coercion.setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail);
            coercion.setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
            if (t != LogicalType.Textual && t != LogicalType.DateTime && t != LogicalType.Enum) {
                coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            }
            coercion.setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        SimpleModule module = new SimpleModule("caisse");
        module.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value);
            }
        });
        module.addSerializer(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(UTC_MILLIS.format(value.toInstant()));
            }
        });
        module.addDeserializer(java.time.LocalDate.class, new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<>(java.time.LocalDate.class) {
            @Override
            public java.time.LocalDate deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    return (java.time.LocalDate) ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
                }
                String text = p.getText();
                try {
                    if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                        throw new java.time.format.DateTimeParseException("not yyyy-MM-dd", text, 0);
                    }
                    return java.time.LocalDate.parse(text, STRICT_DATE);
                } catch (java.time.format.DateTimeParseException e) {
                    return (java.time.LocalDate) ctxt.handleWeirdStringValue(java.time.LocalDate.class, text, "is not a date like 2026-01-31");
                }
            }
        });
        mapper.registerModule(module);
    }
}
