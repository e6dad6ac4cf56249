package be.caisse.common.security;

import be.caisse.common.problem.DomainProblem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An affiliate reaches only her own dossier: every address with a {@code {niss}} segment is refused with 403 when the
 * caller is an affiliate whose token carries another NISS, before the request body is read or validated, and before
 * anything is looked up (an affiliate cannot probe which numbers exist, nor learn from a 400 what a body to another
 * dossier should look like). Staff pass (their reads are audited by {@link DossierAccess}); the roles of each
 * address are checked before this filter runs.
 */
public class OwnDossierFilter {
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<jakarta.ws.rs.core.Response> checkOwnDossier(ContainerRequestContext request, UriInfo uri) {
        String niss = uri.getPathParameters().getFirst("niss");
        if (niss == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            if (identity == null || identity.isAnonymous() || isStaff(identity) || !identity.hasRole(Roles.AFFILIATE)) {
                return null; // anonymous and other roles: the address's own role check answers
            }
            String own = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Roles.NISS_CLAIM) != null
                    ? jwt.getClaim(Roles.NISS_CLAIM).toString() : null;
            if (own == null || !own.equals(digits(niss))) {
                throw new DomainProblem(403, "forbidden-dossier");
            }
            return null;
        });
    }

    static boolean isStaff(SecurityIdentity identity) {
        return identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN);
    }

    private static String digits(String raw) {
        return raw.replaceAll("[\\s.\\-]", "");
    }
}
