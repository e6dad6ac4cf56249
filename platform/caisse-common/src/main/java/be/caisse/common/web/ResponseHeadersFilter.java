package be.caisse.common.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer of a service says its language ({@code Content-Language}) and is never cached: they carry personal
 * data (a dossier, an account, a statement) or the state of the fund's work, which a shared cache must not keep.
 */
public class ResponseHeadersFilter {
    @Inject
    RequestLanguage language;

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("Content-Language")) {
            response.getHeaders().putSingle("Content-Language", language.get());
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
