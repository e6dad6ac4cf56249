package be.caisse.recovery.api;

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

@Path("/recovery/debtors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery debtors")
public class DebtorResource {
    @Inject
    DossierAccess access;

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What recovery-service knows of a person's affiliation (from the affiliation events)")
    public KnownAffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "recovery dossier");
        return KnownAffiliationView.of(KnownAffiliation.require(normalized, "recovery-service"));
    }
}
