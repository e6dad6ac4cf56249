package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.contribution.application.SurchargeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/admin/surcharge-run")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SurchargeResource {
    @Inject
    SurchargeService surcharges;

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly booking of surcharges due up to today (each booked once)")
    public PassOutcome run() {
        return new PassOutcome(surcharges.apply());
    }

    /** How many the pass found. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SurchargeRun")
    public record PassOutcome(int surchargesBooked) {
    }
}
