package be.caisse.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.domain.Issue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the API takes for each type, and what it refuses (code per field), without coercing anything. */
class JsonShapeTest {
    enum Colour { RED, GREEN }

    record Address(String city, Integer number) {
    }

    record Sample(String text, Integer count, long big, BigDecimal amount, Boolean flag, LocalDate date, Colour colour,
                  UUID id, List<String> tags, Map<String, BigDecimal> values, Address address) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = ';', value = {
            "{\"big\":1}; ; ",
            "{\"big\":1,\"text\":123}; text; type-text",
            "{\"big\":1,\"text\":true}; text; type-text",
            "{\"big\":1,\"count\":\"12\"}; count; type-whole-number",
            "{\"big\":1,\"count\":1.5}; count; type-whole-number",
            "{\"big\":1,\"count\":3000000000}; count; out-of-range",
            "{\"big\":99999999999999999999}; big; out-of-range",
            "{}; big; required",
            "{\"big\":null}; big; required",
            "{\"big\":1,\"amount\":\"12.50\"}; amount; type-number",
            "{\"big\":1,\"amount\":12.50}; ; ",
            "{\"big\":1,\"flag\":1}; flag; type-boolean",
            "{\"big\":1,\"flag\":\"true\"}; flag; type-boolean",
            "{\"big\":1,\"date\":12345}; date; type-date",
            "{\"big\":1,\"date\":\"2026-01-01T10:00:00Z\"}; date; type-date",
            "{\"big\":1,\"date\":\"+999999999-12-31\"}; date; type-date",
            "{\"big\":1,\"date\":\"2026-02-29\"}; date; date-invalid",
            "{\"big\":1,\"date\":\"0001-01-01\"}; date; date-window",
            "{\"big\":1,\"date\":\"2101-01-01\"}; date; date-window",
            "{\"big\":1,\"date\":\"2100-12-31\"}; ; ",
            "{\"big\":1,\"colour\":\"red\"}; colour; one-of",
            "{\"big\":1,\"colour\":0}; colour; one-of",
            "{\"big\":1,\"id\":\"not-a-uuid\"}; id; type-uuid",
            "{\"big\":1,\"tags\":\"a\"}; tags; type-list",
            "{\"big\":1,\"tags\":[\"a\",2]}; tags[1]; type-text",
            "{\"big\":1,\"values\":{\"t1\":\"x\"}}; values.t1; type-number",
            "{\"big\":1,\"address\":{\"city\":\"Liège\",\"zip\":\"4000\"}}; address.zip; unknown-field",
            "{\"big\":1,\"address\":{\"number\":\"12\"}}; address.number; type-whole-number",
            "{\"big\":1,\"Text\":\"typo\"}; Text; unknown-field",
            "[]; ; type-object",
    })
    void oneWrongField(String json, String field, String code) throws Exception {
        JsonNode tree = JSON.readTree(json);
        List<Issue> issues = JsonShape.check(tree, JSON.getTypeFactory().constructType(Sample.class), JSON.getTypeFactory());
        if (code == null) {
            assertEquals(List.of(), issues);
        } else {
            assertEquals(1, issues.size(), issues.toString());
            assertEquals(field == null ? "" : field, issues.get(0).field());
            assertEquals(code, issues.get(0).code());
        }
    }

    @ParameterizedTest(name = "every wrong field of {0} is found, and removed from what is left")
    @CsvSource(delimiter = ';', value = {"{\"text\":1,\"count\":\"x\",\"colour\":\"BLUE\",\"extra\":1,\"big\":2}; 4"})
    void allAtOnce(String json, int count) throws Exception {
        JsonNode tree = JSON.readTree(json);
        List<Issue> issues = JsonShape.check(tree, JSON.getTypeFactory().constructType(Sample.class), JSON.getTypeFactory());
        assertEquals(count, issues.size(), issues.toString());
        assertEquals("{\"big\":2}", tree.toString());
    }
}
