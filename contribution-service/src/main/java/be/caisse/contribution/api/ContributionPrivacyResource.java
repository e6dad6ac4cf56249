package be.caisse.contribution.api;

import be.caisse.common.privacy.PersonExportEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** contribution-service's part of a member's data on request ({@link PersonExportEndpoints}). */
@Path("/contributions")
@Tag(name = "Privacy")
public class ContributionPrivacyResource extends PersonExportEndpoints {
}
