package be.caisse.benefits.api;

import be.caisse.benefits.application.PaymentService;
import be.caisse.benefits.persistence.BenefitPaymentEntity;
import be.caisse.benefits.persistence.PaymentRunEntity;
import be.caisse.common.identifiers.Iban;
import be.caisse.common.identifiers.ValidIban;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payment runs and their SEPA credit-transfer files; the bank's answer per payment. */
@Path("/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit payments")
public class PaymentResource {
    @Inject
    PaymentService payments;

    @Inject
    Clock clock;

    public record RunInput(@NotNull(message = "required")
                           @Schema(description = "The requested execution date (yyyy-MM-dd): today or later, at most 60 days ahead") LocalDate executionDate) {
    }

    public record ExecutedInput(@NotNull(message = "required") @Schema(description = "The day the bank executed it (yyyy-MM-dd), not in the future") LocalDate executedOn) {
    }

    public record ReturnInput(@NotBlank(message = "required") @Size(max = 400) String reason) {
    }

    public record IbanInput(@NotBlank(message = "required") @ValidIban String iban) {
    }

    @Schema(name = "PaymentRun")
    public record RunView(UUID id, String reference, @Schema(description = "Requested execution date") LocalDate executionDate,
                          String status, int payments, BigDecimal total, BigDecimal interest,
                          @Schema(description = "Payments due by the date that could not go (no IBAN, or a year's legal interest rate not set)") int waiting,
                          @Schema(description = "Kept back from the payments to settle undue amounts (offset); total is what is transferred") BigDecimal offset,
                          @Schema(description = "Payments that went wholly to an undue amount: settled, no transfer") int offsetOnly,
                          String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        static RunView of(PaymentRunEntity r) {
            return new RunView(r.id, r.reference, r.executionDate, r.status, r.payments, r.total, r.interest, r.waiting, r.offset,
                    r.offsetOnly, r.startedBy, r.startedAt, r.finishedAt);
        }
    }

    @Schema(name = "BenefitPayment")
    public record PaymentView(UUID id, UUID claimId, String period, @Schema(description = "Due on") LocalDate dueDate, BigDecimal amount,
                              BigDecimal interest,
                              @Schema(description = "Kept back to settle an undue amount (the transfer is amount + interest - offset)") BigDecimal offset,
                              @Schema(description = "SCHEDULED, IN_RUN, EXECUTED, RETURNED, OFFSET (wholly kept back for an undue amount), CANCELLED (replaced by a revised decision)") String status,
                              String iban, UUID runId, String endToEndId,
                              @Schema(description = "Executed by the bank on") LocalDate executedOn,
                              @Schema(description = "Returned by the bank on") LocalDate returnedOn, String returnReason, UUID reopenedFrom) {
        public static PaymentView of(BenefitPaymentEntity p) {
            return new PaymentView(p.id, p.claimId, p.period, p.dueDate, p.amount, p.interest, p.offsetAmount, p.status,
                    p.iban == null ? null : Iban.parse(p.iban).formatted(), p.runId, p.endToEndId, p.executedOn, p.returnedOn,
                    p.returnReason, p.reopenedFrom);
        }
    }

    @POST
    @Path("/payment-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run the payments (supervisor): every scheduled payment due by the execution date, with its interest of right when late, in one SEPA credit-transfer file")
    @APIResponse(responseCode = "201", description = "The run and its file",
            headers = @Header(name = "Location", description = "The run", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response run(@Valid @NotNull RunInput input, @Context UriInfo uri, @Context jakarta.ws.rs.core.SecurityContext security) {
        LocalDate today = LocalDate.now(clock);
        if (input.executionDate().isAfter(today.plusDays(60))) {
            throw DomainProblem.invalid(java.util.List.of(be.caisse.common.domain.Issue.field("executionDate", "date-window", today, today.plusDays(60))));
        }
        PaymentRunEntity run = payments.run(input.executionDate(), security.getUserPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("benefits/payment-runs/" + run.id).build()).entity(RunView.of(run)).build();
    }

    static PaymentRunEntity requireRun(UUID id) {
        PaymentRunEntity r = PaymentRunEntity.findById(id);
        if (r == null) {
            throw DomainProblem.notFound("payment-run");
        }
        return r;
    }

    @GET
    @Path("/payment-runs/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A payment run: how many payments, the total, the interest, what waits")
    public RunView read(@PathParam("id") UUID id) {
        return RunView.of(requireRun(id));
    }

    @GET
    @Path("/payment-runs/{id}/pain001")
    // the file is XML whatever the caller accepts; a refusal is a problem document (no 406 for an unknown run)
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The run's ISO 20022 pain.001.001.09 credit-transfer file, for the bank")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_XML,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response file(@PathParam("id") UUID id) {
        PaymentRunEntity r = requireRun(id);
        if (r.file == null) {
            throw DomainProblem.conflict("payment-run-no-transfer", r.reference);
        }
        return Response.ok(r.file, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + r.reference + ".xml\"").build();
    }

    @GET
    @Path("/payment-runs/{id}/payments")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The payments of a run (paged)")
    public be.caisse.common.web.PageView<PaymentView> ofRun(@PathParam("id") UUID id, @Valid @BeanParam be.caisse.common.web.Paging paging) {
        requireRun(id);
        return paging.list(BenefitPaymentEntity.find("runId", Sort.ascending("id"), id), PaymentView::of);
    }

    @POST
    @Path("/payments/{id}/execution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record that the bank executed a payment; the claim is paid once all its payments are")
    public PaymentView executed(@PathParam("id") UUID id, @Valid @NotNull ExecutedInput input) {
        if (input.executedOn().isAfter(LocalDate.now(clock)) || input.executedOn().isBefore(LocalDate.now(clock).minusYears(1))) {
            throw DomainProblem.invalid(java.util.List.of(be.caisse.common.domain.Issue.field("executedOn", "date-window",
                    LocalDate.now(clock).minusYears(1), LocalDate.now(clock))));
        }
        return PaymentView.of(payments.executed(id, input.executedOn()));
    }

    @POST
    @Path("/payments/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record that the bank returned a payment: it is reopened as a new payment waiting for an IBAN (the answer)")
    public PaymentView returned(@PathParam("id") UUID id, @Valid @NotNull ReturnInput input) {
        return PaymentView.of(payments.returned(id, input.reason().strip()));
    }

    @PUT
    @Path("/payments/{id}/iban")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Give the IBAN of a payment waiting for one; it goes into the next run")
    public PaymentView iban(@PathParam("id") UUID id, @Valid @NotNull IbanInput input) {
        return PaymentView.of(payments.iban(id, Iban.parse(input.iban()).value()));
    }
}
