package be.caisse.benefits.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.projection.KnownAffiliation;
import be.caisse.common.projection.KnownAffiliationView;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/benefits/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit members")
public class MemberResource {
    @Inject
    DossierAccess access;

    @Inject
    ClaimResource claims;

    @GET
    @Path("/{niss}/claims")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The member's claims and the proposals the fund made her, newest first (paged)")
    public be.caisse.common.web.PageView<ClaimResource.ClaimView> claims(@PathParam("niss") @ValidNiss String niss,
                                                                          @jakarta.validation.Valid @jakarta.ws.rs.BeanParam be.caisse.common.web.Paging paging) {
        return claims.ofMember(niss, paging);
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What benefits-service knows of a person's affiliation (from the affiliation events)")
    public KnownAffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "benefits dossier");
        return KnownAffiliationView.of(KnownAffiliation.require(normalized, "benefits-service"));
    }
}
