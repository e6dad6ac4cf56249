package be.caisse.common.problem;

import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the one shape of every error of the API. {@code type} is stable per kind of problem
 * ({@code https://caisse.be/problems/<code>}), {@code title} short and the same for a type, {@code detail} explains
 * this occurrence; both are in the caller's language. {@code errors} lists every field that is wrong (empty when the
 * problem is not about fields), each with its path in the request, a stable code and a message.
 */
@Schema(name = "Problem", description = "RFC 9457 problem document: every error of the API has this shape")
public record Problem(
        @Schema(description = "Stable URI of the kind of problem", example = "https://caisse.be/problems/validation") URI type,
        @Schema(description = "Short summary of the kind of problem, in the caller's language") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "What went wrong this time, in words a front end can show") String detail,
        @Schema(description = "The path that was called") String instance,
        @Schema(description = "The request id (also in the X-Request-Id header): quote it when contacting the fund") String requestId,
        @Schema(description = "Every field that is wrong (empty when the problem is not about fields)") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    public static final String TYPE_BASE = "https://caisse.be/problems/";

    /** One wrong field: its path in the request (a form can map it), a stable code and a message. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the field in the request: address.postalCode, quarters[1], or a query parameter's name; absent for the body as a whole") String field,
            @Schema(description = "Stable code of what is wrong", example = "required") String code,
            @Schema(description = "What is wrong, in the caller's language") String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, null, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, fieldErrors);
    }

    public Problem at(String instancePath, String id) {
        return new Problem(type, title, status, detail, instancePath, id, errors);
    }
}
