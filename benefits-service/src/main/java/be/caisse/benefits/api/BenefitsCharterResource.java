package be.caisse.benefits.api;

import be.caisse.common.charter.CharterEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** benefits-service's charter figures ({@link CharterEndpoints}). */
@Path("/benefits/charter")
@Tag(name = "Charter")
public class BenefitsCharterResource extends CharterEndpoints {
}
