package be.caisse.contribution.api;

import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import be.caisse.common.time.CaisseClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's date, movable by an admin only where the clock is adjustable (dev, test; never production). */
@Path("/contributions/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class ClockResource {
    private static final Logger AUDIT = Logger.getLogger("be.caisse.audit");

    @Inject
    CaisseClock clock;

    public record ClockInput(@NotNull(message = "is required") LocalDate today) {
    }

    public record ClockView(LocalDate today, boolean adjustable) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The service's date and whether it can be moved")
    public ClockView read() {
        return new ClockView(LocalDate.now(clock), clock.adjustable());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move the service's date (admin; only where caisse.clock.adjustable=true)")
    public ClockView set(@Valid @NotNull(message = "The request body is required") ClockInput input) {
        requireAdjustable();
        clock.setToday(input.today());
        AUDIT.infof("clock moved to %s", input.today());
        return read();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Back to the real date (admin)")
    public ClockView reset() {
        requireAdjustable();
        clock.reset();
        return read();
    }

    private void requireAdjustable() {
        if (!clock.adjustable()) {
            throw DomainProblem.conflict("clock-not-adjustable", "Clock not adjustable",
                    "The date of this service cannot be moved (caisse.clock.adjustable is off, as in production).");
        }
    }
}
