package be.caisse.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event catalogue is whole: every schema is a valid 2020-12 schema named after its type, and in AsyncAPI. */
class EventCatalogueTest {
    private static final Path EVENTS = Path.of("src/main/resources/events");
    private static final Pattern TYPE = Pattern.compile("be\\.caisse\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");

    @Test
    void everySchemaIsValidAndListedInTheAsyncApiDocument() throws IOException {
        String asyncApi = Files.readString(EVENTS.resolve("asyncapi.yaml"));
        Set<String> referenced = new TreeSet<>();
        Matcher m = Pattern.compile("\\./schemas/([^']+)\\.json").matcher(asyncApi);
        while (m.find()) {
            referenced.add(m.group(1));
        }
        Set<String> files;
        try (Stream<Path> list = Files.list(EVENTS.resolve("schemas"))) {
            files = list.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(files.isEmpty());
        assertEquals(files, referenced, "schemas on disk and in asyncapi.yaml");
        ObjectMapper json = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (String type : files) {
            assertTrue(TYPE.matcher(type).matches(), type + " is not a versioned be.caisse type");
            JsonNode schema = json.readTree(EVENTS.resolve("schemas").resolve(type + ".json").toFile());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), type);
            assertTrue(schema.path("$id").asText().endsWith(type + ".json"), type);
            factory.getSchema(schema); // compiles
            assertTrue(asyncApi.contains("name: " + type), type + " has a message in asyncapi.yaml");
        }
    }
}
