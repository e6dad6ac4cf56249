package be.caisse.affiliation.api;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Affiliations")
public class AffiliationResource {
    @Inject
    AffiliationService service;

    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Register a self-employed person's affiliation (agent)")
    public Response register(@Valid @NotNull(message = "The request body is required") RegisterAffiliationRequest request,
                             @Context UriInfo uri) {
        AffiliationEntity created = service.register(new AffiliationService.Registration(Niss.parse(request.niss()),
                request.firstName(), request.lastName(), request.category(), request.startDate()),
                identity.getPrincipal().getName());
        PersonEntity person = PersonEntity.findById(created.niss);
        return Response.created(uri.getAbsolutePathBuilder().path(created.niss).build())
                .entity(AffiliationView.of(created, person)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The signed-in member's own affiliation")
    public AffiliationView mine() {
        String niss = access.ownNiss().orElseThrow(() -> DomainProblem.notFound("affiliation",
                "Your account is not linked to a NISS; contact the fund."));
        return read(niss);
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The current (or latest) affiliation of a person")
    public AffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String normalized = Niss.parse(niss).value();
        access.checkCanRead(normalized, "affiliation");
        AffiliationEntity affiliation = AffiliationEntity.findActive(normalized)
                .or(() -> AffiliationEntity.history(normalized).stream().findFirst())
                .orElseThrow(() -> DomainProblem.notFound("affiliation", "No affiliation is known for this NISS."));
        return AffiliationView.of(affiliation, PersonEntity.findById(normalized));
    }
}
