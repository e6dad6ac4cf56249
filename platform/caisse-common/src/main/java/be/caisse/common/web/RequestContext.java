package be.caisse.common.web;

import org.jboss.logging.MDC;

/** The correlation id of the request being served, as put in the logging context by {@link CorrelationIdFilter}. */
public final class RequestContext {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestContext() {
    }

    public static String currentRequestId() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
