package be.caisse.contribution.api;

import be.caisse.common.charter.CharterEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** contribution-service's charter figures ({@link CharterEndpoints}). */
@Path("/contributions/charter")
@Tag(name = "Charter")
public class ContributionCharterResource extends CharterEndpoints {
}
