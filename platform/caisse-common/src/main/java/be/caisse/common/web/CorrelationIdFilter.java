package be.caisse.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the {@code X-Request-Id} the gateway set (or makes one), puts it in the logging context so that every JSON
 * log line of the request carries it, and echoes it in the response.
 */
public class CorrelationIdFilter {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(RequestContext.REQUEST_ID_HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(RequestContext.MDC_KEY, id);
        MDC.put(RequestContext.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestContext.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestContext.REQUEST_ID_HEADER, id.toString());
        }
        MDC.remove(RequestContext.MDC_KEY);
    }
}
