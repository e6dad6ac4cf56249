package be.caisse.recovery.api;

import be.caisse.common.privacy.PersonExportEndpoints;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** recovery-service's part of a member's data on request ({@link PersonExportEndpoints}). */
@Path("/recovery")
@Tag(name = "Privacy")
public class RecoveryPrivacyResource extends PersonExportEndpoints {
}
