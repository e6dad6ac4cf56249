package be.caisse.common.openapi;

import be.caisse.common.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes every service's API description tell the whole contract, the same way, without each resource repeating it:
 * the error answers every operation can give (400, 401, 403, 404, 409, 415, 500, as {@code application/problem+json}
 * with the one {@code Problem} schema), the roles allowed (from the security requirement, also written in the
 * description and as {@code x-roles}), and the {@code Location} header of every 201. Registered in
 * {@code microprofile-config.properties} ({@code mp.openapi.filter}); the lint test of each service and of the merged
 * document checks the result.
 */
public class CaisseOpenApiFilter implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is not valid: every wrong field is listed in errors",
            "401", "No valid access token",
            "403", "The caller's roles, or the dossier, do not allow it",
            "404", "Nothing known at this address",
            "409", "In conflict with the dossier's state",
            "415", "The body is not application/json",
            "500", "Unexpected error (quote the request id)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ensureProblemSchema(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = roles(operation);
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            operation.addExtension("x-roles", roles);
            String line = roles.isEmpty() ? "Roles: any signed-in user." : "Roles: " + String.join(", ", roles) + ".";
            String description = operation.getDescription();
            if (description == null || !description.contains("Roles:")) {
                operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
            }
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Set<String> codes = new LinkedHashSet<>();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        if (hasInput) {
            codes.add("400");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            codes.add("401");
            codes.add("403");
        }
        if (path.contains("{")) {
            codes.add("404");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
            codes.add("409");
        }
        if (operation.getRequestBody() != null) {
            codes.add("415");
        }
        codes.add("500");
        for (String code : codes) {
            APIResponse existing = responses.getAPIResponse(code);
            String description = existing != null && existing.getDescription() != null
                    && !List.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found").contains(existing.getDescription())
                    ? existing.getDescription() : ERRORS.get(code);
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey("Location"))) {
            created.addHeader("Location", OASFactory.createHeader()
                    .description("The address of what was created")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        }
    }

    private static List<String> roles(Operation operation) {
        List<String> roles = new ArrayList<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(scopes -> {
                        if (scopes != null) {
                            scopes.stream().filter(s -> !roles.contains(s)).forEach(roles::add);
                        }
                    });
                }
            }
        }
        return roles;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** The Problem and FieldError schemas, built from the record when no operation happened to reference them. */
    private static void ensureProblemSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text.description("Path of the field in the request"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("Stable code of what is wrong"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What is wrong, in the caller's language")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem document: every error of the API has this shape")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
    }
}
