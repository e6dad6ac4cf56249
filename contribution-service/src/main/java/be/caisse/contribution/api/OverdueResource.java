package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.contribution.application.OverdueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/admin/overdue-check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class OverdueResource {
    @Inject
    OverdueService overdue;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly check of quarters unpaid after their due date (one overdue event each)")
    public PassOutcome check() {
        return new PassOutcome(overdue.detect());
    }

    /** How many the pass found. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "OverdueCheck")
    public record PassOutcome(int newlyOverdue) {
    }
}
