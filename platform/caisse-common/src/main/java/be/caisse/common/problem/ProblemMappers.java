package be.caisse.common.problem;

import be.caisse.common.domain.Issue;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.InvalidIdentifierException;
import be.caisse.common.web.RequestContext;
import be.caisse.common.web.RequestLanguage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every service turns an exception into an RFC 9457 problem document, in the caller's language
 * ({@link RequestLanguage}). Bad input is always a 4xx that names every wrong field with a stable code; anything
 * unexpected is a 500 without internals, logged with the request id. No Java type name ever reaches a client.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uriInfo;

    @Inject
    RequestLanguage language;

    private String lang() {
        try {
            return language.get();
        } catch (RuntimeException e) {
            return Messages.ENGLISH; // outside a request scope (should not happen): never fail the answer
        }
    }

    private Response respond(int status, String code, Text detail, List<Issue> issues) {
        return respond(status, code, "title." + status, detail, issues);
    }

    private Response respond(int status, String code, String fallbackTitle, Text detail, List<Issue> issues) {
        String lang = lang();
        String title = Messages.find(lang, "title." + code).orElseGet(() -> Messages.text(lang, fallbackTitle));
        List<Problem.FieldError> errors = new ArrayList<>(issues.size());
        for (Issue i : issues) {
            errors.add(new Problem.FieldError(i.field() == null || i.field().isEmpty() ? null : i.field(), i.code(),
                    Messages.render(lang, i.message())));
        }
        String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem problem = Problem.of(status, code, title, Messages.render(lang, detail)).withErrors(errors)
                .at(path, RequestContext.currentRequestId());
        Response.ResponseBuilder builder = Response.status(status).type(Problem.PROBLEM_JSON).entity(problem)
                .header("Content-Language", lang).header("Cache-Control", "no-store");
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response domain(DomainProblem e) {
        return respond(e.status(), e.code(), e.detail(), e.issues());
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return respond(400, e.code(), "title.rule", e.text(), e.issues());
    }

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidIdentifierException e) {
        return respond(400, "invalid-identifier", e.text(), List.of(new Issue(e.identifier(), e.code(), e.text())));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Issue> issues = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            issues.add(ViolationPaths.issue(v, ViolationPaths.path(v)));
        }
        issues.sort(Issue.BY_FIELD);
        if (issues.size() == 1 && issues.get(0).field() == null && "body-required".equals(issues.get(0).code())) {
            return respond(400, "body-required", Text.of("problem.body-required"), List.of());
        }
        return respond(400, "validation", Text.of("problem.validation", issues.size()), issues);
    }

    /** A body read without the strict reader (not a record): the first wrong field, named. */
    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(400, "malformed-body", Text.of("problem.malformed-body"), List.of());
        }
        String code = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "unknown-field" : "type-value";
        return respond(400, "validation", Text.of("problem.validation", 1), List.of(Issue.field(field, code)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(400, "malformed-body", Text.of("problem.malformed-body"), List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, "unauthorized", Text.of("problem.unauthorized"), List.of());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(401, "unauthorized", Text.of("problem.token-invalid"), List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", Text.of("problem.forbidden"), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException m) {
            return jsonMapping(m);
        }
        if (cause instanceof JsonProcessingException p) {
            return malformedJson(p);
        }
        if (cause instanceof DomainProblem d) {
            return domain(d);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return switch (status) {
            case 401 -> respond(401, "unauthorized", Text.of("problem.unauthorized"), List.of());
            case 403 -> respond(403, "forbidden", Text.of("problem.forbidden"), List.of());
            case 404, 405, 406, 415, 413, 400 -> respond(status, "http-" + status, Text.of("problem.http-" + status), List.of());
            default -> respond(status, "http-" + status, Text.of("problem.http-other", status), List.of());
        };
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected error (request %s)", RequestContext.currentRequestId());
        return respond(500, "internal", Text.of("problem.internal"), List.of());
    }
}
