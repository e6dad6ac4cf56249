package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.contribution.application.NoticeDocumentJob;
import be.caisse.documents.DocumentEndpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The documents contribution-service issued (payment notices, regularisation and company notices, statements, tax
 * certificates): their PDF as issued, and the daily print batch of those sent on paper (operations shared by every
 * service, {@link DocumentEndpoints}). A member's list of documents is in affiliation-service
 * ({@code /api/affiliations/me/documents}).
 */
@Path("/contributions")
@Tag(name = "Documents")
public class ContributionDocumentResource extends DocumentEndpoints {
    @Inject
    NoticeDocumentJob notices;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NoticeDocumentsIssued")
    public record Issued(int issued) {
    }

    @POST
    @Path("/notice-documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Issue now the payment notices (PDF) not issued yet; the run and a job every minute do it by themselves")
    public Issued issueNotices() {
        return new Issued(notices.issuePending());
    }
}
