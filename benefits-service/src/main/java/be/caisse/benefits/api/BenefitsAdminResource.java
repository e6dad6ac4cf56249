package be.caisse.benefits.api;

import be.caisse.benefits.application.DeadlineWatch;
import be.caisse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/benefits/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class BenefitsAdminResource {
    @Inject
    DeadlineWatch watch;

    public record DeadlineCheck(int flagged) {
    }

    @POST
    @Path("/deadline-check")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly watch of the Charter's deadlines (01:20): claims at risk or breached are flagged once, with an event")
    public DeadlineCheck check() {
        return new DeadlineCheck(watch.check());
    }
}
