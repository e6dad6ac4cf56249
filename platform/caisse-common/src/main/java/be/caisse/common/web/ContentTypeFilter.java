package be.caisse.common.web;

import be.caisse.common.problem.DomainProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body must say what it is: without a {@code Content-Type} a body would be read as the operation's JSON
 * anyway (the framework's default), which is a guess. Refused with 415 before anything is read.
 */
public class ContentTypeFilter {
    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") != null) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        boolean body = request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.isBlank() && !length.trim().equals("0"));
        if (body) {
            throw new DomainProblem(415, "http-415");
        }
    }
}
