package be.caisse.benefits.api;

import be.caisse.common.admin.ClockEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** benefits-service's date (deadlines of claims, the Charter's clocks, payment dates): see {@link ClockEndpoint}. */
@Path("/benefits/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class BenefitsClockResource extends ClockEndpoint {
}
