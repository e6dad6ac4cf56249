package be.caisse.affiliation.api;

import be.caisse.affiliation.application.AffiliationDocuments;
import be.caisse.affiliation.persistence.MemberDocumentEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.documents.DocumentDownloads;
import be.caisse.documents.DocumentEndpoints;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The member's documents across the services (notices, statements, certificates, decisions, letters), as their
 * owners announced them; the PDF of each is at its {@code href}, served by the service that issued it. Also this
 * service's own documents (the affiliation certificate) and its print batch.
 */
@Path("/affiliations")
@Tag(name = "Documents")
public class MemberDocumentResource extends DocumentEndpoints {
    @Inject
    DossierAccess access;

    @Inject
    AffiliationDocuments affiliationDocuments;

    @Schema(name = "MemberDocument", description = "A document issued for the member by one of the fund's services")
    public record DocumentView(UUID documentId,
                               @Schema(description = "The issuing service (its path under /api): affiliations, contributions, benefits or recovery") String owner,
                               @Schema(description = "payment-notice, regularisation-notice, account-statement, tax-certificate, affiliation-certificate, benefit-decision, undue-decision, tax-sheet-281-18, reminder, last-reminder, contrainte, payment-plan") String type,
                               String title, LocalDate documentDate, OffsetDateTime issuedAt, String language,
                               @Schema(description = "EMAIL (a link was or will be mailed) or PAPER (printed and posted)") String channel,
                               @Schema(description = "Sent by registered letter") boolean registered,
                               @Schema(description = "The document this one corrects") UUID replaces,
                               @Schema(description = "The document that corrects this one (null: current)") UUID replacedBy,
                               @Schema(description = "When it left the fund (mail sent, or print batch); null: not yet") OffsetDateTime sentAt,
                               @Schema(description = "E-mail delivery: PENDING, SENT, NO_ADDRESS, FAILED, or NONE (paper)") String mailStatus,
                               @Schema(description = "Where the PDF is, through the gateway (GET with Accept: application/pdf)") String href) {
        static DocumentView of(MemberDocumentEntity d) {
            return new DocumentView(d.documentId, d.owner, d.type, d.title, d.documentDate, d.issuedAt, d.language,
                    d.channel, d.registered, d.replaces, d.replacedBy, d.sentAt, d.mailStatus, d.href);
        }
    }

    @GET
    @Path("/me/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The signed-in member's documents from every service, newest first (paged)")
    @Transactional
    public PageView<DocumentView> mine(@QueryParam("type") @Pattern(regexp = "[a-z0-9-]{1,60}", message = "document-type") String type,
                                       @QueryParam("current") @DefaultValue("false") boolean current,
                                       @Valid @BeanParam Paging paging) {
        return list(ownNiss(), type, current, paging);
    }

    @GET
    @Path("/{niss}/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A person's documents from every service, newest first; type filters, current=true leaves out the corrected ones (paged)")
    @Transactional
    public PageView<DocumentView> ofPerson(@PathParam("niss") @ValidNiss String niss,
                                           @QueryParam("type") @Pattern(regexp = "[a-z0-9-]{1,60}", message = "document-type") String type,
                                           @QueryParam("current") @DefaultValue("false") boolean current,
                                           @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "documents");
        return list(n, type, current, paging);
    }

    @GET
    @Path("/me/certificate")
    @Produces(DocumentDownloads.PDF)
    @RolesAllowed(Roles.AFFILIATE)
    @Transactional
    @Operation(summary = "The signed-in member's affiliation certificate of today (PDF/A, for her mutuality); issued once a day")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = DocumentDownloads.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response myCertificate() {
        return certificate(ownNiss());
    }

    @GET
    @Path("/{niss}/certificate")
    @Produces(DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Transactional
    @Operation(summary = "A person's affiliation certificate of today (PDF/A, in her language); issued once a day, listed with her documents")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = DocumentDownloads.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "406", description = "The client does not accept a PDF (ask with Accept: application/pdf)")
    public Response certificate(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation certificate");
        return downloads.pdf(affiliationDocuments.certificate(n).id);
    }

    private PageView<DocumentView> list(String niss, String type, boolean current, Paging paging) {
        StringBuilder where = new StringBuilder("niss = :niss");
        Parameters params = Parameters.with("niss", niss);
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (current) {
            where.append(" and replacedBy is null");
        }
        PanacheQuery<MemberDocumentEntity> q = MemberDocumentEntity.find(where.toString(),
                Sort.descending("issuedAt").and("documentId", Sort.Direction.Descending), params);
        return paging.list(q, DocumentView::of);
    }

    private String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
    }
}
