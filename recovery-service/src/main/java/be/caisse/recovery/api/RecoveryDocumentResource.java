package be.caisse.recovery.api;

import be.caisse.common.security.Roles;
import be.caisse.documents.DocumentEndpoints;
import be.caisse.recovery.application.RecoveryLetterJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The letters recovery-service issued (reminders, registered last reminders, contraintes, payment-plan agreements)
 * as issued, and the print batch (the registered letters apart, with the post office's list). A member's list of
 * documents is in affiliation-service.
 */
@Path("/recovery")
@Tag(name = "Documents")
public class RecoveryDocumentResource extends DocumentEndpoints {
    @Inject
    RecoveryLetterJob letters;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RecoveryLettersIssued")
    public record Issued(int issued) {
    }

    @POST
    @Path("/letters")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Issue now the letters of the path's steps not issued yet; the daily pass and a job every minute do it by themselves")
    public Issued issueLetters() {
        return new Issued(letters.issuePending());
    }
}
