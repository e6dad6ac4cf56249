package be.caisse.contribution.api;

import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.application.PaymentImportService;
import be.caisse.contribution.persistence.PaymentEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {
    @Inject
    PaymentImportService imports;

    @Inject
    SecurityIdentity identity;

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
    public Response importCoda(byte[] body) {
        if (body == null || body.length == 0) {
            throw DomainProblem.badRequest("statement-empty", "Empty statement", "Send the CODA file as the request body.");
        }
        // CODA files are written in Latin-1 by Belgian banks
        String content = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        return Response.status(201).entity(imports.importCoda(content, identity.getPrincipal().getName())).build();
    }

    @POST
    @Path("/statements/camt053")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Import an ISO 20022 camt.053 bank statement (the XML as the body): booked like a CODA statement")
    public Response importCamt053(byte[] body) {
        if (body == null || body.length == 0) {
            throw DomainProblem.badRequest("statement-empty", "Empty statement", "Send the camt.053 file as the request body.");
        }
        String content = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return Response.status(201).entity(imports.importCamt053(content, identity.getPrincipal().getName())).build();
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Payments that match no notice, oldest first, for an agent to allocate or refund (paged)")
    public PageView<PaymentView> unmatched(@Valid @BeanParam Paging paging) {
        PanacheQuery<PaymentEntity> q = PaymentEntity.find("status", Sort.ascending("valueDate"), "UNMATCHED");
        return paging.list(q, PaymentView::of);
    }

    public record AssignInput(@jakarta.validation.constraints.NotNull(message = "is required") @be.caisse.common.identifiers.ValidNiss String niss) {
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Assign an unmatched payment to a member's account; it is then allocated like any payment")
    public PaymentView assign(@jakarta.ws.rs.PathParam("id") UUID id,
                              @Valid @jakarta.validation.constraints.NotNull(message = "The request body is required") AssignInput input) {
        return PaymentView.of(imports.assign(id, be.caisse.common.identifiers.Niss.parse(input.niss()).value(), identity.getPrincipal().getName()));
    }
}
