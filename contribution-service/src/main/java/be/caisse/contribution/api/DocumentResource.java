package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.contribution.application.NoticeDocumentJob;
import be.caisse.documents.DocumentDownloads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The documents contribution-service issued (payment notices, regularisation and company notices, statements, tax
 * certificates): their PDF as issued, and the daily print batch of those sent on paper. A member's list of
 * documents is in affiliation-service ({@code /api/affiliations/me/documents}).
 */
@Path("/contributions")
@Tag(name = "Documents")
public class DocumentResource {
    @Inject
    DocumentDownloads downloads;

    @Inject
    NoticeDocumentJob notices;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NoticeDocumentsIssued")
    public record Issued(int issued) {
    }

    @GET
    @Path("/documents/{id}")
    @Produces(DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "An issued document, as issued (PDF/A; its SHA-256 in ETag and X-Document-Sha256)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The PDF as issued",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = DocumentDownloads.PDF,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response document(@PathParam("id") String id) {
        return downloads.pdf(DocumentDownloads.id(id));
    }

    @POST
    @Path("/notice-documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Issue now the payment notices (PDF) not issued yet; the run and a job every minute do it by themselves")
    public Issued issueNotices() {
        return new Issued(notices.issuePending());
    }

    @POST
    @Path("/print-batches")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Make the print batch of the documents to send on paper (registered letters apart, with the post office's list)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "The batch made",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = DocumentDownloads.BatchView.class)))
    public Response printBatch() {
        DocumentDownloads.BatchView batch = downloads.runBatch();
        return Response.status(201).entity(batch)
                .header("Location", "/api/contributions/print-batches/" + batch.id()).build();
    }

    @GET
    @Path("/print-batches/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A print batch and its files")
    public DocumentDownloads.BatchView batch(@PathParam("id") String id) {
        return downloads.batch(DocumentDownloads.id(id));
    }

    @GET
    @Path("/print-batches/{id}/files/{kind}")
    @Produces({DocumentDownloads.PDF, "text/csv"})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A file of a print batch: LETTERS, REGISTERED (PDF) or POST_LIST (CSV)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The file",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = DocumentDownloads.PDF,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response batchFile(@PathParam("id") String id, @PathParam("kind") String kind) {
        return downloads.batchFile(DocumentDownloads.id(id), kind);
    }
}
