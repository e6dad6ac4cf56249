package be.caisse.benefits.api;

import be.caisse.common.privacy.PersonExportEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** benefits-service's part of a member's data on request ({@link PersonExportEndpoints}). */
@Path("/benefits")
@Tag(name = "Privacy")
public class BenefitsPrivacyResource extends PersonExportEndpoints {
}
