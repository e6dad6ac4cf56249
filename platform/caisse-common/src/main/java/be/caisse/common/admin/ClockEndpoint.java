package be.caisse.common.admin;

import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import be.caisse.common.time.CaisseClock;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The service's date, movable by an admin only where the clock is adjustable (dev, test, a demo; never production).
 * Each service exposes it under its own prefix by extending this class with a {@code @Path}.
 */
public abstract class ClockEndpoint {
    private static final Logger AUDIT = Logger.getLogger("be.caisse.audit");

    @Inject
    CaisseClock clock;

    public record ClockInput(@NotNull(message = "required")
                             @Schema(description = "The date the service is to believe it is (1900-01-01 to 2100-12-31)") LocalDate today) {
    }

    public record ClockView(LocalDate today, boolean adjustable) {
    }

    // The security requirements are spelt out: the description is not derived from the roles of an inherited method.
    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = "SecurityScheme", scopes = {Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The service's date and whether it can be moved")
    public ClockView read() {
        return new ClockView(LocalDate.now(clock), clock.adjustable());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "SecurityScheme", scopes = Roles.ADMIN)
    @Operation(summary = "Move the service's date (admin; only where caisse.clock.adjustable=true)")
    public ClockView set(@Valid @NotNull ClockInput input) {
        requireAdjustable();
        clock.setToday(input.today());
        AUDIT.infof("clock moved to %s", input.today());
        return read();
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "SecurityScheme", scopes = Roles.ADMIN)
    @Operation(summary = "Back to the real date (admin)")
    public ClockView reset() {
        requireAdjustable();
        clock.reset();
        return read();
    }

    private void requireAdjustable() {
        if (!clock.adjustable()) {
            throw DomainProblem.conflict("clock-not-adjustable");
        }
    }
}
