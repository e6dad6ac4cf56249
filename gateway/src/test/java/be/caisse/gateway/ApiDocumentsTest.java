package be.caisse.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge of the services' API descriptions into the one the front ends read. */
class ApiDocumentsTest {
    private static JsonObject doc(String path, String schema, JsonObject shape) {
        return new JsonObject("""
                {"openapi":"3.1.0","tags":[{"name":"Shared"}],
                 "paths":{"%s":{"get":{"operationId":"op%s","security":[{"SecurityScheme":["agent","admin"]}],
                   "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/%s"}}}}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"%s":%s},
                   "securitySchemes":{"SecurityScheme":{"type":"openIdConnect"}}}}
                """.formatted(path, schema, schema, schema, shape.encode()));
    }

    @Test
    void pathsGoUnderApiAndSharedSchemasAreKeptOnce() {
        Map<String, JsonObject> docs = new LinkedHashMap<>();
        docs.put("affiliations", doc("/affiliations/{niss}", "Person", new JsonObject().put("type", "object")));
        docs.put("contributions", doc("/contributions/accounts/{niss}", "Account", new JsonObject().put("type", "object")));
        JsonObject merged = ApiDocuments.merge(docs);
        assertTrue(merged.getJsonObject("paths").containsKey("/api/affiliations/{niss}"));
        assertTrue(merged.getJsonObject("paths").containsKey("/api/contributions/accounts/{niss}"));
        assertEquals(3, merged.getJsonObject("components").getJsonObject("schemas").size()); // Problem once
        assertEquals(1, merged.getJsonArray("tags").size());
        JsonObject operation = merged.getJsonObject("paths").getJsonObject("/api/affiliations/{niss}").getJsonObject("get");
        assertEquals(new JsonObject().put(ApiDocuments.BEARER, new io.vertx.core.json.JsonArray().add("agent").add("admin")),
                operation.getJsonArray("security").getJsonObject(1), "a pasted token is an alternative, with the same roles");
    }

    @Test
    void twoDifferentSchemasUnderOneNameAreRenamedWithTheirReferences() {
        Map<String, JsonObject> docs = new LinkedHashMap<>();
        docs.put("affiliations", doc("/affiliations/x", "Category", new JsonObject().put("type", "string")));
        docs.put("contributions", doc("/contributions/x", "Category", new JsonObject().put("type", "object")));
        JsonObject merged = ApiDocuments.merge(docs);
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.containsKey("Category"));
        assertTrue(schemas.containsKey("ContributionsCategory"));
        assertEquals("#/components/schemas/ContributionsCategory", merged.getJsonObject("paths").getJsonObject("/api/contributions/x")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Category", merged.getJsonObject("paths").getJsonObject("/api/affiliations/x")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertFalse(schemas.containsKey("Category1"));
    }
}
