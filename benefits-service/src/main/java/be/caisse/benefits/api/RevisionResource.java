package be.caisse.benefits.api;

import be.caisse.benefits.application.ClaimService;
import be.caisse.benefits.application.RevisionService;
import be.caisse.benefits.domain.Undue;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.ClaimRevisionEntity;
import be.caisse.benefits.persistence.UndueAmountEntity;
import be.caisse.common.domain.Issue;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Revised decisions (an agent prepares, a supervisor approves) and the undue amounts they establish, with their
 * settlement: offsets taken by the payment runs, repayments recorded by an agent.
 */
@Path("/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit revisions and undue amounts")
public class RevisionResource {
    public enum UndueStatus { OPEN, SETTLED }

    @Inject
    RevisionService revisions;

    @Inject
    DossierAccess access;

    @Inject
    RequestLanguage language;

    @Inject
    Clock clock;

    @Schema(name = "RevisionCorrections", description = "The corrected facts; a field left out keeps the claim's value. The member's data (category, quarters paid) is read as the fund knows it today.")
    public record CorrectionsInput(@Size(max = 40) List<@NotNull(message = "required") LocalDate> fullDays,
                                   @Size(max = 40) List<@NotNull(message = "required") LocalDate> halfDays,
                                   @Min(1) @Max(12) Integer months, Boolean familyCharge, LocalDate interruptionEnd,
                                   @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month") String resumedActivity) {
    }

    public record RevisionInput(@NotBlank(message = "required") @Size(max = 2000) @Schema(description = "Why the decision is revised, in words") String reason,
                                @NotNull(message = "required") @Schema(description = "FUND_ERROR (art. 17 al. 2: the past is not claimed back unless the member knew), MEMBER_FACTS, FRAUD (art. 21: with interest)") Undue.Fault cause,
                                @Schema(description = "Whether the member knew or should have known of the fund's error (art. 17 al. 2); false when left out") Boolean memberKnew,
                                @Schema(description = "How an undue amount is claimed back: OFFSET on later payments (default) or PAYMENT_REQUEST") RevisionService.Recovery recovery,
                                @Valid CorrectionsInput corrections) {
    }

    public record RepaymentInput(@NotNull(message = "required") @DecimalMin(value = "0.01", message = "amount") @Digits(integer = 8, fraction = 2, message = "amount") BigDecimal amount,
                                 @NotNull(message = "required") @Schema(description = "Paid on (yyyy-MM-dd), not in the future") LocalDate paidOn,
                                 @NotBlank(message = "required") @Size(max = 60) @Schema(description = "The bank's reference of the transfer: the same one twice is recorded once") String bankReference) {
    }

    @Schema(name = "UndueLine")
    public record LineView(String period, BigDecimal paid, BigDecimal due, BigDecimal overpaid, boolean recoverable, BigDecimal interest) {
    }

    @Schema(name = "UndueAmount")
    public record UndueView(UUID id, BigDecimal amount, BigDecimal balance, String recovery,
                            @Schema(description = "The structured communication to repay with, +++ddd/dddd/ddddd+++") String structuredCommunication,
                            @Schema(description = "Established on") LocalDate establishedOn, @Schema(description = "To repay by (unless offset)") LocalDate payBy,
                            String status) {
        static UndueView of(UndueAmountEntity u) {
            return new UndueView(u.id, u.amount, u.balance, u.recovery, StructuredCommunication.parse(u.structuredCommunication).formatted(),
                    u.establishedOn, u.payBy, u.status);
        }
    }

    @Schema(name = "Revision")
    public record RevisionView(UUID id, UUID claimId, String reference, String status, String reason, String cause, boolean memberKnew,
                               String recovery, RevisionService.Previous previous, String outcome, BigDecimal total, int units, String unit,
                               List<String> motivation, @Schema(description = "Paid above the revised right") BigDecimal overpaid,
                               @Schema(description = "Of it, claimed back") BigDecimal recoverable,
                               @Schema(description = "Of it, not claimed back (the fund's error, art. 17 al. 2)") BigDecimal waived,
                               @Schema(description = "Interest claimed (fraud only, art. 21)") BigDecimal interest, List<LineView> lines,
                               ClaimResource.Appeal appeal, UndueView undue, String preparedBy, OffsetDateTime preparedAt, String decidedBy,
                               @Schema(description = "Notified on") LocalDate notifiedOn) {
    }

    RevisionView view(ClaimRevisionEntity r) {
        RevisionService.Previous previous = revisions.previous(r);
        RevisionService.Previous shown = new RevisionService.Previous(previous.outcome(), previous.total(), previous.units(), previous.unit(),
                null, previous.exempted(), null, previous.decidedBy(), previous.notifiedOn());
        UndueAmountEntity u = UndueAmountEntity.find("revisionId", r.id).firstResult();
        return new RevisionView(r.id, r.claimId, r.reference, r.status, r.reason, r.cause, r.memberKnew, r.recovery, shown, r.outcome, r.total,
                r.units, r.unit, ClaimService.texts(r.motivation).stream().map(language::render).toList(), r.overpaid, r.recoverable, r.waived,
                r.interest, revisions.lines(r).stream().map(l -> new LineView(l.period(), l.paid(), l.due(), l.overpaid(), l.recoverable(),
                        l.interest())).toList(),
                r.appealBy == null ? null : new ClaimResource.Appeal(r.court, r.appealBy,
                        ClaimService.texts(r.mentions).stream().map(language::render).toList()),
                u == null ? null : UndueView.of(u), r.preparedBy, r.preparedAt, r.decidedBy, r.notifiedOn);
    }

    @POST
    @Path("/claims/{id}/revisions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare a revised decision (agent): the corrected facts, the cause of the error; shows the revised right and the undue amount before a supervisor approves it")
    @APIResponse(responseCode = "201", description = "Prepared",
            headers = @Header(name = "Location", description = "The revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionView.class)))
    public Response prepare(@PathParam("id") UUID id, @Valid @NotNull RevisionInput input, @Context UriInfo uri) {
        CorrectionsInput k = input.corrections();
        RevisionService.Corrections corrections = k == null ? null : new RevisionService.Corrections(k.fullDays(), k.halfDays(), k.months(),
                k.familyCharge(), k.interruptionEnd(), k.resumedActivity() == null ? null : YearMonth.parse(k.resumedActivity()));
        ClaimRevisionEntity r = revisions.prepare(id, corrections, input.cause(), Boolean.TRUE.equals(input.memberKnew()),
                input.recovery() == null ? RevisionService.Recovery.OFFSET : input.recovery(), input.reason().strip(), access.user());
        return Response.created(uri.getBaseUriBuilder().path("benefits/revisions/" + r.id).build()).entity(view(r)).build();
    }

    @GET
    @Path("/claims/{id}/revisions")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The revisions of a claim, oldest first, with their undue amounts (paged; the member sees the approved ones)")
    public PageView<RevisionView> ofClaim(@PathParam("id") UUID id, @Valid @BeanParam Paging paging) {
        ClaimEntity c = ClaimService.require(id);
        access.checkCanRead(c.niss, "benefit revisions");
        String q = access.isStaff() ? "claimId = ?1" : "claimId = ?1 and status = 'APPROVED'";
        return paging.list(ClaimRevisionEntity.find(q, Sort.ascending("preparedAt").and("id"), id), this::view);
    }

    @GET
    @Path("/revisions/{id}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A revision: the decision it replaces, the revised right, the undue amount, its motivation and appeal mentions")
    public RevisionView read(@PathParam("id") UUID id) {
        ClaimRevisionEntity r = RevisionService.require(id);
        ClaimEntity c = ClaimService.require(r.claimId);
        access.checkCanRead(c.niss, "benefit revision");
        if (!access.isStaff() && !"APPROVED".equals(r.status)) {
            throw DomainProblem.notFound("revision"); // a draft is the fund's work, not yet a decision
        }
        return view(r);
    }

    @POST
    @Path("/revisions/{id}/approval")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a prepared revision (supervisor, not the one who prepared it): the facts are checked again, the decision replaced, the undue amount established")
    public RevisionView approve(@PathParam("id") UUID id, @Valid @NotNull ClaimResource.ApprovalInput input) {
        return view(revisions.approve(id, input.approve(), input.note(), access.user()));
    }

    @GET
    @Path("/undue")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Undue amounts by status (OPEN: still owed), oldest first (paged)")
    public PageView<UndueView> undue(@QueryParam("status") UndueStatus status, @Valid @BeanParam Paging paging) {
        return paging.list(status == null ? UndueAmountEntity.findAll(Sort.ascending("establishedOn").and("id"))
                : UndueAmountEntity.find("status", Sort.ascending("establishedOn").and("id"), status.name()), UndueView::of);
    }

    @POST
    @Path("/undue/{id}/repayments")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a repayment of an undue amount (agent): lowers its balance; more than the balance is refused, the same bank reference twice is recorded once")
    public UndueView repay(@PathParam("id") UUID id, @Valid @NotNull RepaymentInput input) {
        List<Issue> issues = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (input.paidOn().isAfter(today) || input.paidOn().isBefore(today.minusYears(5))) {
            issues.add(Issue.field("paidOn", "date-window", today.minusYears(5), today));
        }
        if (!issues.isEmpty()) {
            throw DomainProblem.invalid(issues);
        }
        return UndueView.of(revisions.repayment(id, input.amount(), input.paidOn(), input.bankReference().strip(), access.user()));
    }
}
