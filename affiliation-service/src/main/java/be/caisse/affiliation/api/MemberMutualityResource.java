package be.caisse.affiliation.api;

import be.caisse.affiliation.application.MutualityService;
import be.caisse.affiliation.application.PersonService;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's own health insurer: she reads it and records a change herself (kept in her changes as MEMBER). */
@Path("/affiliations/me/mutuality")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class MemberMutualityResource {
    @Inject
    MutualityService mutualities;

    @Inject
    DossierAccess access;

    @Inject
    be.caisse.common.web.RequestLanguage language;

    @Inject
    java.time.Clock clock;

    @GET
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The member's own health insurer and its history")
    public MutualityResource.MutualityView mine() {
        String n = ownNiss();
        return view(n, mutualities.history(n));
    }

    @PUT
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "Record her own health insurer from a day (member): applied at once, kept in her changes")
    public MutualityResource.MutualityView recordMine(@Valid @NotNull MutualityResource.MutualityInput input) {
        String n = ownNiss();
        return view(n, mutualities.record(n, input.mutuality(), input.validFrom(), access.user(), PersonService.ORIGIN_MEMBER));
    }

    private MutualityResource.MutualityView view(String niss, java.util.List<MutualityService.Recorded> history) {
        return MutualityResource.view(niss, history, language.get(), java.time.LocalDate.now(clock));
    }

    private String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
    }
}
