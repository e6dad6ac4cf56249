package be.caisse.recovery.api;

import be.caisse.common.admin.ClockEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** recovery-service's date (the timers of the path, the windows of the law): see {@link ClockEndpoint}. */
@Path("/recovery/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RecoveryClockResource extends ClockEndpoint {
}
