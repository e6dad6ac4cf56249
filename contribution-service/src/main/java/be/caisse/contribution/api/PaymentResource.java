package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.application.PaymentImportService;
import be.caisse.contribution.persistence.PaymentEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {
    @Inject
    PaymentImportService imports;

    @Inject
    DossierAccess access;

    @Schema(name = "Payment")
    public record PaymentView(UUID id, BigDecimal amount, LocalDate valueDate, String structuredCommunication,
                              String freeCommunication, String counterpartyAccount, String counterpartyName, String status,
                              String niss, String quarter) {
        static PaymentView of(PaymentEntity p) {
            return new PaymentView(p.id, p.amount, p.valueDate, p.structuredCommunication, p.freeCommunication,
                    p.counterpartyAccount, p.counterpartyName, p.status, p.niss, p.quarter);
        }
    }

    @POST
    @Path("/statements/coda")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Import a CODA bank statement (the file as the body): credits matched by structured communication, the others listed for agents")
    @APIResponse(responseCode = "201", description = "Imported and booked",
            headers = @Header(name = "Location", description = "The statement imported", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentImportService.ImportResult.class)))
    public Response importCoda(byte[] body, @Context UriInfo uri) {
        if (body == null || body.length == 0) {
            throw DomainProblem.badRequest("statement-empty");
        }
        // CODA files are written in Latin-1 by Belgian banks
        return created(imports.importCoda(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1), access.user()), uri);
    }

    @POST
    @Path("/statements/camt053")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Import an ISO 20022 camt.053 bank statement (the XML as the body): booked like a CODA statement")
    @APIResponse(responseCode = "201", description = "Imported and booked",
            headers = @Header(name = "Location", description = "The statement imported", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentImportService.ImportResult.class)))
    public Response importCamt053(byte[] body, @Context UriInfo uri) {
        if (body == null || body.length == 0) {
            throw DomainProblem.badRequest("statement-empty");
        }
        return created(imports.importCamt053(new String(body, java.nio.charset.StandardCharsets.UTF_8), access.user()), uri);
    }

    private static Response created(PaymentImportService.ImportResult result, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("contributions/payments/statements").path(result.statementId().toString())
                .build()).entity(result).build();
    }

    @GET
    @Path("/statements/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A statement imported: what it brought and what was matched")
    public PaymentImportService.ImportResult statement(@PathParam("id") UUID id) {
        return imports.result(id);
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Payments that match no notice, oldest first, for an agent to allocate or refund (paged)")
    public PageView<PaymentView> unmatched(@Valid @BeanParam Paging paging) {
        PanacheQuery<PaymentEntity> q = PaymentEntity.find("status", Sort.ascending("valueDate").and("id"), "UNMATCHED");
        return paging.list(q, PaymentView::of);
    }

    public record AssignInput(@NotNull(message = "required") @ValidNiss String niss) {
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Assign an unmatched payment to a member's account; it is then allocated like any payment")
    public PaymentView assign(@PathParam("id") UUID id, @Valid @NotNull AssignInput input) {
        return PaymentView.of(imports.assign(id, Niss.parse(input.niss()).value(), access.user()));
    }
}
