package be.caisse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Checks an event's data against the JSON Schema of its type, {@code /events/schemas/<ce_type>.json} in
 * caisse-common: the contract partners and the other services build against.
 */
public final class EventSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    public static JsonSchema schemaOf(String type) {
        String path = "/events/schemas/" + type + ".json";
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("No JSON Schema for event type " + type + " at " + path);
            }
            return FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + path, e);
        }
    }

    /** Fails with every violation listed if the data does not match the schema of its type. */
    public static void assertValid(String type, String data) {
        try {
            JsonNode node = JSON.readTree(data);
            Set<ValidationMessage> errors = schemaOf(type).validate(node);
            if (!errors.isEmpty()) {
                throw new AssertionError("Event " + type + " does not match its schema: " + errors + "\n" + data);
            }
        } catch (IOException e) {
            throw new AssertionError("Event data is not JSON: " + data, e);
        }
    }
}
