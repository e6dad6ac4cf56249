package be.caisse.common.problem;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.InvalidIdentifierException;
import be.caisse.common.web.RequestContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every service turns an exception into an RFC 9457 problem document. Bad input is always a
 * 4xx that names what is wrong; anything unexpected is a 500 without internals, logged with the request id.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uriInfo;

    private Response respond(Problem problem) {
        String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.PROBLEM_JSON)
                .entity(problem.at(path, RequestContext.currentRequestId()));
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response domain(DomainProblem e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return respond(Problem.of(400, e.code(), "Refused by the rules", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e) {
        return respond(Problem.of(400, "invalid-identifier", "Invalid identifier", e.getMessage())
                .withErrors(List.of(new Problem.FieldError(e.identifier(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation", "The request is not valid", detail).withErrors(errors));
    }

    /**
     * The field a front end knows: {@code register.request.niss} becomes {@code niss}, a path parameter keeps its
     * own name, a nested property keeps its dotted path below the body.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    parameter = node.getName();
                    property.setLength(0);
                }
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.getName() != null) {
                        if (property.length() > 0) {
                            property.append('.');
                        }
                        property.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (property.length() > 0) {
            return property.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return respond(Problem.of(400, "validation", "The request is not valid", field + ": is not a known property")
                .withErrors(List.of(new Problem.FieldError(field, "is not a known property"))));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = jsonPath(e);
        String message = "has the wrong format (expected " + describe(e.getTargetType()) + ")";
        return respond(Problem.of(400, "validation", "The request is not valid", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        String message = field.isEmpty() ? "The request body is missing or has the wrong shape."
                : "has the wrong type (expected " + describe(e.getTargetType()) + ")";
        Problem problem = Problem.of(400, "malformed-body", "The request body could not be read", field.isEmpty() ? message : field + ": " + message);
        return respond(field.isEmpty() ? problem : problem.withErrors(List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problem.of(400, "malformed-body", "The request body could not be read",
                "The request body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(Problem.of(401, "unauthorized", "Authentication required",
                "Sign in: this request needs a valid access token."));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(Problem.of(401, "unauthorized", "Authentication required",
                "The access token is missing, expired or not valid."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "You are not allowed to do this." : e.getMessage();
        return respond(Problem.of(403, "forbidden", "Access denied", detail));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps Jackson's own exception in a plain 400: answer with what it says.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unrecognizedProperty(cause);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidFormat(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Request refused" : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed on this address.";
            case 406 -> "This address cannot answer in the requested format.";
            case 415 -> "Send the request body as application/json.";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        return respond(Problem.of(status, "http-" + status, title, detail));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected error (request %s)", RequestContext.currentRequestId());
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side. Please try again later; quote the request id if you contact the fund."));
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date like 2026-01-31";
            case "BigDecimal" -> "a decimal number like 1234.56";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "String" -> "a text";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }
}
