package be.caisse.contribution.api;

import be.caisse.common.admin.ClockEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** contribution-service's date (quarterly runs, due dates, surcharges): see {@link ClockEndpoint}. */
@Path("/contributions/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class ContributionClockResource extends ClockEndpoint {
}
