package be.caisse.affiliation.api;

import be.caisse.common.charter.CharterEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** affiliation-service's charter figures ({@link CharterEndpoints}). */
@Path("/affiliations/charter")
@Tag(name = "Charter")
public class AffiliationCharterResource extends CharterEndpoints {
}
