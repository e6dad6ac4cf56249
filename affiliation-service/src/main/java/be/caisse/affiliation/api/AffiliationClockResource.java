package be.caisse.affiliation.api;

import be.caisse.common.admin.ClockEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** affiliation-service's date (transitions planned ahead take effect on it): see {@link ClockEndpoint}. */
@Path("/affiliations/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AffiliationClockResource extends ClockEndpoint {
}
