package be.caisse.benefits.api;

import be.caisse.benefits.application.ClaimService;
import be.caisse.benefits.domain.BenefitType;
import be.caisse.benefits.domain.BridgingRight;
import be.caisse.benefits.domain.CarerLeave;
import be.caisse.benefits.domain.CharterClock;
import be.caisse.benefits.domain.ClaimStatus;
import be.caisse.benefits.persistence.ClaimDecisionEntity;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.ClaimTrailEntity;
import be.caisse.benefits.persistence.InformationRequestEntity;
import be.caisse.common.domain.Issue;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidIban;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.projection.KnownPerson;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Benefit claims: the member's claims and the proposals the fund made her, filing, the agent's preparation, the
 * supervisor's approval, requests for information, withdrawal. Every answer shows the Charter's deadlines.
 */
@Path("/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benefit claims")
public class ClaimResource {
    static final String FACT = "The fact (yyyy-MM-dd): the birth, the death, the bankruptcy or interruption, the first day of a carer leave; from 2016-10-01 to 6 months ahead";
    static final String DAY = "Days of leave (yyyy-MM-dd), within the leave's window from the fact";

    @Inject
    ClaimService claims;

    @Inject
    DossierAccess access;

    @Inject
    RequestLanguage language;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.benefits.clock.at-risk-days", defaultValue = "14")
    int atRiskDays;

    public record ClaimInput(@NotBlank(message = "required") @ValidNiss String niss,
                             @NotNull(message = "required") BenefitType type,
                             @NotNull(message = "required") @Schema(description = FACT) LocalDate factDate,
                             @Size(max = 40) @Schema(description = DAY) List<@NotNull(message = "required") LocalDate> fullDays,
                             @Size(max = 40) @Schema(description = DAY + " (half days)") List<@NotNull(message = "required") LocalDate> halfDays,
                             @Min(1) @Max(12) @Schema(description = "Months asked (carer leave 1–6, bridging right up to 12)") Integer months,
                             @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month")
                             @Schema(description = "First month of a carer leave, yyyy-MM") String firstMonth,
                             CarerLeave.Extent extent,
                             Boolean familyCharge,
                             BridgingRight.Ground ground,
                             BridgingRight.Cause cause,
                             @Size(max = 3) Set<BridgingRight.@NotNull(message = "required") EconomicCondition> economicConditions,
                             @ValidIban String iban,
                             @Pattern(regexp = "[1-9][0-9]{3}", message = "postal-code") String postalCode,
                             @Schema(description = "Bridging right after a temporary interruption: its last day (yyyy-MM-dd), at least 7 days after the fact and within a year of it") LocalDate interruptionEnd,
                             @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month")
                             @Schema(description = "Bridging right combined with a resumed activity: the month it resumed, yyyy-MM") String resumedActivity,
                             @Schema(description = "Birth leave of at most 8 days (16 half days) taken as 15 service vouchers instead of its daily amount") Boolean vouchersInstead) {
    }

    public record ApprovalInput(@NotNull(message = "required") Boolean approve, @Size(max = 400) String note) {
    }

    public record QuestionInput(@NotBlank(message = "required") @Size(max = 2000) String question) {
    }

    public record AnswerInput(@NotBlank(message = "required") @Size(max = 4000) String answer) {
    }

    public record ReasonInput(@NotBlank(message = "required") @Size(max = 400) String reason) {
    }

    @Schema(name = "ClaimDeadlines")
    public record Deadlines(@Schema(description = "The decision is due by this date (4 months from the request or the fact, plus the days suspended)") LocalDate decisionDue,
                            @Schema(description = "Payment due by this date (4 months from the notification)") LocalDate paymentDue,
                            int daysSuspended, Long daysLeft, String standing) {
    }

    @Schema(name = "ClaimPayment")
    public record PaymentLine(String period, @Schema(description = "Due on this date") LocalDate due, BigDecimal amount,
                              @Schema(description = "The amount row used: in force from this date") LocalDate amountValidFrom, String amountStatus) {
    }

    @Schema(name = "ClaimAppeal")
    public record Appeal(String court, @Schema(description = "The appeal deadline: 3 months from the notification") LocalDate appealBy,
                         List<String> mentions) {
    }

    @Schema(name = "ClaimDecision")
    public record DecisionView(String outcome, BigDecimal total, int units, String unit, List<String> motivation, List<String> refusals,
                               List<PaymentLine> payments, List<String> exemptedQuarters, String preparedBy, String decidedBy,
                               @Schema(description = "The day the member was notified") LocalDate notifiedOn, Appeal appeal) {
    }

    @Schema(name = "ClaimMissing")
    public record Missing(String code, String message) {
    }

    @Schema(name = "InformationRequest")
    public record InformationView(UUID id, String question, String requestedBy,
                                  @Schema(description = "Asked on") LocalDate requestedOn,
                                  @Schema(description = "Answered on") LocalDate answeredOn, String answer,
                                  @Schema(description = "Reminded on (art. 11)") LocalDate remindedOn,
                                  @Schema(description = "From this date, without an answer, the fund may decide on what it has") LocalDate decideWithoutAnswerFrom) {
    }

    @Schema(name = "Claim")
    public record ClaimView(UUID id, String reference, String niss, String firstName, String lastName, String type, String status,
                            String origin, @Schema(description = FACT) LocalDate factDate,
                            @Schema(description = "Filed (or confirmed) on") LocalDate filedOn,
                            List<Missing> missing, ClaimService.Details details, Deadlines deadlines, DecisionView decision,
                            List<InformationView> informationRequests, List<PaymentResource.PaymentView> payments,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "ClaimTrail")
    public record TrailView(String from, String to, String by, OffsetDateTime at, String note) {
    }

    ClaimView view(ClaimEntity c) {
        KnownPerson p = KnownPerson.findById(c.niss);
        List<Missing> missing = new ArrayList<>();
        // what the claim lacks as the fund sees it now (the projections move): shown until the decision is prepared
        String lacking = ClaimStatus.valueOf(c.status).awaitsDecision() && ClaimStatus.valueOf(c.status) != ClaimStatus.PREPARED
                || ClaimStatus.valueOf(c.status) == ClaimStatus.PROPOSED ? claims.missingForProposal(c) : null;
        if (lacking != null && !lacking.isBlank()) {
            for (String code : lacking.split(",")) {
                missing.add(new Missing(code, language.text(
                        (be.caisse.benefits.domain.Eligibility.CODES.contains(code) ? "eligibility." : "refusal.") + code)));
            }
        }
        ClaimDecisionEntity d = ClaimDecisionEntity.findById(c.id);
        LocalDate today = LocalDate.now(clock);
        LocalDate decisionDue = c.clockStart == null ? null : CharterClock.decisionDue(c.clockStart, c.daysSuspended);
        LocalDate paymentDue = c.notifiedOn == null ? null : CharterClock.paymentDue(c.notifiedOn);
        ClaimStatus status = ClaimStatus.valueOf(c.status);
        LocalDate running = status.awaitsDecision() ? decisionDue : status == ClaimStatus.DECIDED ? paymentDue : null;
        Deadlines deadlines = new Deadlines(decisionDue, paymentDue, c.daysSuspended,
                running == null ? null : CharterClock.daysLeft(running, today),
                running == null ? null : CharterClock.standing(running, today, atRiskDays).name());
        List<InformationView> info = InformationRequestEntity.<InformationRequestEntity>list("claimId = ?1 order by requestedOn, id", c.id)
                .stream().map(r -> new InformationView(r.id, r.question, r.requestedBy, r.requestedOn, r.answeredOn, r.answer, r.remindedOn,
                        r.remindedOn == null || r.answeredOn != null ? null : CharterClock.decideWithoutAnswerFrom(r.remindedOn))).toList();
        return new ClaimView(c.id, c.reference, c.niss, p == null ? null : p.firstName, p == null ? null : p.lastName, c.type, c.status,
                c.origin, c.factDate, c.filedOn, missing, claims.read(c.details), deadlines, d == null ? null : decision(c, d), info,
                be.caisse.benefits.persistence.BenefitPaymentEntity.<be.caisse.benefits.persistence.BenefitPaymentEntity>list(
                        "claimId = ?1 order by dueDate, createdAt", c.id).stream().map(PaymentResource.PaymentView::of).toList(),
                c.createdAt, c.updatedAt);
    }

    DecisionView decision(ClaimEntity c, ClaimDecisionEntity d) {
        List<PaymentLine> payments = new ArrayList<>();
        try {
            List<be.caisse.benefits.domain.Assessment.Payment> stored = json.readValue(d.payments, new TypeReference<>() {
            });
            for (var p : stored) {
                payments.add(new PaymentLine(p.period(), p.due(), p.amount(), p.row() == null ? null : p.row().validFrom(),
                        p.row() == null ? null : p.row().status()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A decision's payments could not be read", e);
        }
        Appeal appeal = d.appealBy == null ? null : new Appeal(d.court, d.appealBy,
                ClaimService.texts(d.mentions).stream().map(language::render).toList());
        return new DecisionView(d.outcome, d.total, d.units, d.unit, ClaimService.texts(d.motivation).stream().map(language::render).toList(),
                d.refusals == null || d.refusals.isBlank() ? List.of() : List.of(d.refusals.split(",")), payments,
                d.exempted == null || d.exempted.isBlank() ? List.of() : List.of(d.exempted.split(",")), c.preparedBy, c.decidedBy,
                c.notifiedOn, appeal);
    }

    ClaimEntity readable(UUID id) {
        ClaimEntity c = ClaimService.require(id);
        access.checkCanRead(c.niss, "benefit claim");
        return c;
    }

    /** {@code GET /benefits/members/{niss}/claims}, answered through {@link MemberResource} (JAX-RS picks the longer class path). */
    PageView<ClaimView> ofMember(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "benefit claims");
        return paging.list(ClaimEntity.find("niss", Sort.descending("createdAt").and("id"), n), this::view);
    }

    @GET
    @Path("/claims")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The claims by status, oldest first (FILED: to prepare; PREPARED: to approve; paged)")
    public PageView<ClaimView> queue(@QueryParam("status") ClaimStatus status, @QueryParam("type") BenefitType type,
                                     @Valid @BeanParam Paging paging) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status.name());
        }
        if (type != null) {
            q.append(" and type = :type");
            params.put("type", type.name());
        }
        return paging.list(ClaimEntity.find(q.toString(), Sort.ascending("createdAt").and("id"), params), this::view);
    }

    @POST
    @Path("/claims")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "File a claim (an agent, or the member for herself); confirms the fund's proposal for the same fact if there is one")
    @APIResponse(responseCode = "201", description = "Filed",
            headers = @Header(name = "Location", description = "The claim", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@Valid @NotNull ClaimInput input, @Context UriInfo uri) {
        String n = Niss.parse(input.niss()).value();
        access.checkCanRead(n, "benefit claims");
        List<Issue> issues = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (input.factDate().isBefore(LocalDate.of(2016, 10, 1)) || input.factDate().isAfter(today.plusMonths(6))) {
            issues.add(Issue.field("factDate", "date-window", LocalDate.of(2016, 10, 1), today.plusMonths(6)));
        }
        switch (input.type()) {
            case BIRTH_LEAVE -> require(issues, nonEmpty(input.fullDays()) || nonEmpty(input.halfDays()), "fullDays");
            case MOURNING_LEAVE -> require(issues, nonEmpty(input.fullDays()), "fullDays");
            case CARER_LEAVE -> {
                require(issues, input.months() != null, "months");
                require(issues, input.firstMonth() != null, "firstMonth");
                require(issues, input.extent() != null, "extent");
            }
            case BRIDGING_RIGHT -> require(issues, input.ground() != null, "ground");
            default -> {
                // the fact is enough
            }
        }
        if (input.interruptionEnd() != null && (input.interruptionEnd().isBefore(input.factDate())
                || input.interruptionEnd().isAfter(input.factDate().plusYears(1)))) {
            issues.add(Issue.field("interruptionEnd", "date-window", input.factDate(), input.factDate().plusYears(1)));
        }
        if (!issues.isEmpty()) {
            throw DomainProblem.invalid(issues);
        }
        ClaimService.Details details = new ClaimService.Details(input.fullDays() == null ? List.of() : input.fullDays(),
                input.halfDays() == null ? List.of() : input.halfDays(), input.months(),
                input.firstMonth() == null ? null : YearMonth.parse(input.firstMonth()), input.extent(), input.familyCharge(),
                input.ground(), input.cause(), input.economicConditions() == null ? Set.of() : input.economicConditions(),
                input.iban() == null ? null : be.caisse.common.identifiers.Iban.parse(input.iban()).value(), input.postalCode(),
                input.interruptionEnd(), input.resumedActivity() == null ? null : YearMonth.parse(input.resumedActivity()),
                input.vouchersInstead());
        ClaimEntity c = claims.file(n, input.type(), input.factDate(), details, access.user(),
                access.isStaff() ? ClaimService.Origin.AGENT : ClaimService.Origin.MEMBER);
        return Response.created(uri.getBaseUriBuilder().path("benefits/claims/" + c.id).build()).entity(view(c)).build();
    }

    private static boolean nonEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }

    private static void require(List<Issue> issues, boolean ok, String field) {
        if (!ok) {
            issues.add(Issue.field(field, "required"));
        }
    }

    @GET
    @Path("/claims/{id}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A claim: status, decision (outcome, amounts, motivation, appeal), deadlines, payments, requests for information")
    public ClaimView read(@PathParam("id") UUID id) {
        return view(readable(id));
    }

    @GET
    @Path("/claims/{id}/trail")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every move of the claim, who and when, oldest first (paged)")
    public PageView<TrailView> trail(@PathParam("id") UUID id, @Valid @BeanParam Paging paging) {
        ClaimEntity c = readable(id);
        return paging.list(ClaimTrailEntity.find("claimId", Sort.ascending("id"), c.id),
                (ClaimTrailEntity t) -> new TrailView(t.from, t.to, t.by, t.at, t.note));
    }

    @POST
    @Path("/claims/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Prepare the decision (agent): the rules applied to the facts as they stand; a supervisor approves it")
    public ClaimView prepare(@PathParam("id") UUID id) {
        return view(claims.prepare(id, access.user()));
    }

    @POST
    @Path("/claims/{id}/approval")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve the prepared decision, or send it back (supervisor, not the one who prepared it); the facts are checked again")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView approve(@PathParam("id") UUID id, @Valid @NotNull ApprovalInput input) {
        return view(claims.approve(id, input.approve(), input.note(), access.user()));
    }

    @POST
    @Path("/claims/{id}/information-requests")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Ask the member for information (agent): the decision deadline stops until the answer")
    @APIResponse(responseCode = "201", description = "Asked",
            headers = @Header(name = "Location", description = "The claim", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimView.class)))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response askInformation(@PathParam("id") UUID id, @Valid @NotNull QuestionInput input, @Context UriInfo uri) {
        ClaimEntity c = claims.requestInformation(id, input.question().strip(), access.user());
        return Response.created(uri.getBaseUriBuilder().path("benefits/claims/" + c.id).build()).entity(view(c)).build();
    }

    @POST
    @Path("/claims/{id}/information-received")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record the member's answer (the member, or an agent who received it): the deadline runs again, extended by the days waited")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView informationReceived(@PathParam("id") UUID id, @Valid @NotNull AnswerInput input) {
        readable(id);
        return view(claims.informationReceived(id, input.answer().strip(), access.user()));
    }

    @POST
    @Path("/claims/{id}/information-reminder")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Remind the member of the information asked (art. 11): one month later, without an answer, the decision can be prepared on what the fund has")
    public ClaimView remind(@PathParam("id") UUID id) {
        return view(claims.remind(id, access.user()));
    }

    @POST
    @Path("/claims/{id}/withdrawal")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Withdraw a claim or decline a proposal, before it is decided (the member, or an agent for her)")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView withdraw(@PathParam("id") UUID id, @Valid @NotNull ReasonInput input) {
        readable(id);
        return view(claims.withdraw(id, input.reason().strip(), access.user()));
    }
}
