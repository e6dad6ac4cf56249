package be.caisse.affiliation.api;

import be.caisse.common.privacy.PersonExportEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** affiliation-service's part of a member's data on request ({@link PersonExportEndpoints}). */
@Path("/affiliations")
@Tag(name = "Privacy")
public class AffiliationPrivacyResource extends PersonExportEndpoints {
}
