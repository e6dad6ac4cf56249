package be.caisse.documents;

import be.caisse.common.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The same document operations in every service that issues documents, under its own path
 * ({@code @Path("/contributions") class ContributionDocumentResource extends DocumentEndpoints}): an issued document as
 * issued, and the print batch of those that go on paper. The security requirements are written out: the OpenAPI
 * scanner does not derive them from {@code @RolesAllowed} on inherited methods (the roles are enforced all the same).
 */
public abstract class DocumentEndpoints {
    /** The scheme Quarkus names for the OIDC bearer token. */
    static final String SCHEME = "SecurityScheme";

    @Inject
    protected DocumentDownloads downloads;

    @Inject
    protected DocumentArchive archive;

    @GET
    @Path("/documents/{id}")
    @Produces(DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = SCHEME, scopes = {Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "An issued document, as issued (PDF/A; its SHA-256 in ETag and X-Document-Sha256); a member reads her own only")
    @APIResponse(responseCode = "200", description = "The PDF as issued",
            content = @Content(mediaType = DocumentDownloads.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response document(@PathParam("id") String id) {
        return downloads.pdf(DocumentDownloads.id(id));
    }

    @POST
    @Path("/print-batches")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = SCHEME, scopes = {Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Make the print batch of the documents to send on paper (registered letters apart, with the post office's list)")
    @APIResponse(responseCode = "201", description = "The batch made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentDownloads.BatchView.class)))
    public Response printBatch() {
        DocumentDownloads.BatchView batch = downloads.runBatch();
        return Response.status(201).entity(batch)
                .header("Location", "/api/" + archive.owner() + "/print-batches/" + batch.id()).build();
    }

    @GET
    @Path("/print-batches/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = SCHEME, scopes = {Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A print batch and its files")
    public DocumentDownloads.BatchView batch(@PathParam("id") String id) {
        return downloads.batch(DocumentDownloads.id(id));
    }

    @GET
    @Path("/print-batches/{id}/files/{kind}")
    @Produces({DocumentDownloads.PDF, "text/csv"})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = SCHEME, scopes = {Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A file of a print batch: LETTERS, REGISTERED (PDF) or POST_LIST (CSV)")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = DocumentDownloads.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response batchFile(@PathParam("id") String id, @PathParam("kind") String kind) {
        return downloads.batchFile(DocumentDownloads.id(id), kind);
    }
}
