package be.caisse.recovery.api;

import be.caisse.common.domain.Issue;
import be.caisse.common.domain.Prescription;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.projection.KnownPerson;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.recovery.application.RecoveryService;
import be.caisse.recovery.domain.CaseState;
import be.caisse.recovery.domain.DebtPrescription;
import be.caisse.recovery.domain.PersonalContact;
import be.caisse.recovery.domain.RecoveryPath;
import be.caisse.recovery.persistence.RecoveryCaseEntity;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recovery cases and the steps agents take on them: personal contacts, contestations, the contrainte and its
 * service, oppositions, summons; the worklist of what to do today; the daily pass on demand.
 */
@Path("/recovery")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recovery cases")
public class CaseResource {
    @Inject
    RecoveryService recovery;

    @Inject
    DossierAccess access;

    @Inject
    be.caisse.recovery.application.PlanService plans;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.prescription.years", defaultValue = "5")
    int prescriptionYears;

    /** The judicial interest's yearly rate: REFERENCE.md §5.2 quotes 7 % (UCM), not verified. */
    @ConfigProperty(name = "caisse.recovery.judicial-interest.rate", defaultValue = "0.07")
    BigDecimal judicialInterestRate;

    @Schema(name = "DebtItem")
    public record ItemView(@Schema(description = "A quarter (yyyy-Qn) or a year (company contribution); none for the costs") String period,
                           @Schema(description = "PRINCIPAL (contribution and fee), SURCHARGE, COSTS, INTEREST") String component,
                           BigDecimal amount, @Schema(description = "Prescribes on this date unless interrupted again") LocalDate prescribesOn) {
    }

    @Schema(name = "CaseContact")
    public record ContactView(String channel, String outcome, @Schema(description = "On") LocalDate on, String note, String by) {
    }

    @Schema(name = "Contrainte")
    public record ContrainteView(UUID id, @Schema(description = "Issued on") LocalDate issuedOn, @Schema(description = "Served by the bailiff on") LocalDate servedOn,
                                 String bailiff, @Schema(description = "Last day to oppose it (one month after service, art. 47bis)") LocalDate oppositionUntil,
                                 @Schema(description = "Opposed on") LocalDate opposedOn) {
    }

    @Schema(name = "Summons")
    public record SummonsView(@Schema(description = "Summoned on") LocalDate summonedOn, String court, @Schema(description = "Hearing on") LocalDate hearingOn) {
    }

    @Schema(name = "CourtJudgment")
    public record JudgmentView(@Schema(description = "CONDEMNED (enforcement goes on) or DISMISSED (discharged by the court)") String outcome,
                               @Schema(description = "Given on") LocalDate on) {
    }

    public record JudgmentInput(@NotNull(message = "required") RecoveryService.Judgment outcome,
                                @NotNull(message = "required") @Schema(description = "Given on (yyyy-MM-dd)") LocalDate on,
                                @Size(max = 2000) String note) {
    }

    public record RegisteredMailInput(@NotBlank(message = "required") @Size(max = 60) @Schema(description = "The postal service's reference of the registered letter") String reference) {
    }

    @Schema(name = "RecoveryCase")
    public record CaseView(UUID id, String reference, String debtor, String firstName, String lastName, String state,
                           @Schema(description = "In this state since") LocalDate since,
                           @Schema(description = "The move the daily pass makes next, if any") String nextStep,
                           @Schema(description = "On this date") LocalDate nextStepOn, BigDecimal debt, List<ItemView> items,
                           @Schema(description = "The registered last reminder (art. 46) sent on") LocalDate lastReminderOn,
                           @Schema(description = "Last day to contest or ask for payment terms") LocalDate contestUntil,
                           @Schema(description = "Contested on") LocalDate contestedOn, String contestation,
                           @Schema(description = "Whether the personal contact the charter promises before a judicial step is recorded") boolean contactMade,
                           List<ContactView> contacts,
                           @Schema(description = "Why a contrainte cannot be issued now (empty: it can)") List<String> contrainteRefusals,
                           @Schema(description = "Why a summons cannot be issued now (empty: it can)") List<String> summonsRefusals,
                           @Schema(description = "The registered letter's reference (art. 46), once recorded") String registeredMailRef,
                           ContrainteView contrainte, SummonsView summons, JudgmentView judgment,
                           @Schema(description = "The payment plans of the case, the running one last") List<PlanView> plans,
                           @Schema(description = "A bankruptcy or judicial reorganisation suspending enforcement, and the claim filed with the curator") InsolvencyView insolvency,
                           @Schema(description = "PAID, SETTLED_BY_PLAN, WRITTEN_OFF_PRESCRIBED, WRITTEN_OFF_BELOW_THRESHOLD, WRITTEN_OFF_UNCOLLECTABLE") String closedReason,
                           @Schema(description = "What a write-off closed the case with") BigDecimal writtenOff,
                           @Schema(description = "Bailiff, lawyer, curator acting on the case") List<PartyView> parties,
                           @Schema(description = "Costs charged to the debtor by a party (claimed on top of the contribution debt: see judicialItems)") List<CostView> costs,
                           @Schema(description = "Seizures and their results") List<SeizureView> seizures,
                           @Schema(description = "Who answers for the debt with the debtor (a company for its director, the helped for the helper): for which periods, how much; a payment by either lowers the one debt") List<RecoveryService.CoDebtor> coDebtors,
                           @Schema(description = "Opened on") LocalDate openedOn, OffsetDateTime updatedAt,
                           @Schema(description = "What recovery claims on top of the contribution account's debt: the costs charged to the debtor (COSTS, no period) and, once the labour court condemned the debtor, the judicial interest on each period's open principal from the summons to today (INTEREST; rate caisse.recovery.judicial-interest.rate, not verified)") List<ItemView> judicialItems,
                           @Schema(description = "debt plus the judicial items: everything claimed from the debtor today") BigDecimal totalClaimed) {
    }

    @Schema(name = "CaseStep")
    public record StepView(String from, String to, @Schema(description = "On") LocalDate on, String by, String note, OffsetDateTime at) {
    }

    public record ContactInput(@NotNull(message = "required") PersonalContact.Channel channel,
                               @NotNull(message = "required") PersonalContact.Outcome outcome,
                               @NotNull(message = "required") @Schema(description = "On (yyyy-MM-dd), not in the future") LocalDate on,
                               @NotBlank(message = "required") @Size(max = 2000) @Schema(description = "What was said or tried") String note) {
    }

    public record ContestationInput(@NotNull(message = "required") @Schema(description = "The registered letter received on (yyyy-MM-dd)") LocalDate receivedOn,
                                    @NotBlank(message = "required") @Size(max = 4000) @Schema(description = "Its motivation") String motivation) {
    }

    public record ServiceInput(@NotNull(message = "required") @Schema(description = "Served on (yyyy-MM-dd)") LocalDate servedOn,
                               @NotBlank(message = "required") @Size(max = 200) @Schema(description = "The bailiff (huissier de justice / gerechtsdeurwaarder)") String bailiff) {
    }

    public record OppositionInput(@NotNull(message = "required") @Schema(description = "The debtor's summons of the fund, on (yyyy-MM-dd)") LocalDate filedOn) {
    }

    public record SummonsInput(@NotBlank(message = "required") @Size(max = 200) @Schema(description = "The labour court") String court,
                               @NotNull(message = "required") @Schema(description = "The hearing, on (yyyy-MM-dd)") LocalDate hearingOn) {
    }

    CaseView view(RecoveryCaseEntity c) {
        KnownPerson p = KnownPerson.findById(c.debtor);
        java.util.Map<String, LocalDate> prescribes = recovery.prescriptions(c);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT period, component, amount FROM debt_item WHERE case_id = :c AND amount > 0 "
                + "ORDER BY period, component").setParameter("c", c.id).getResultList();
        List<ItemView> items = new ArrayList<>();
        BigDecimal debt = BigDecimal.ZERO.setScale(2);
        for (Object[] r : rows) {
            String period = (String) r[0];
            items.add(new ItemView(period, (String) r[1], (BigDecimal) r[2], prescribes.get(period)));
            debt = debt.add((BigDecimal) r[2]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> contactRows = em.createNativeQuery("SELECT channel, outcome, on_date, note, by_whom FROM case_contact WHERE case_id = :c "
                + "ORDER BY on_date, at").setParameter("c", c.id).getResultList();
        List<ContactView> contacts = contactRows.stream().map(r -> new ContactView((String) r[0], (String) r[1],
                r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2], (String) r[3], (String) r[4])).toList();
        boolean made = recovery.contactMade(c.id);
        CaseState state = CaseState.valueOf(c.state);
        boolean open = state != CaseState.CLOSED;
        List<ItemView> judicial = new ArrayList<>();
        List<CostView> costs = costs(c.id);
        BigDecimal costTotal = costs.stream().map(CostView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (costTotal.signum() > 0) {
            judicial.add(new ItemView(null, "COSTS", costTotal, null));
        }
        LocalDate interestFrom = c.summonedOn != null ? c.summonedOn : c.contrainteServedOn;
        if ("CONDEMNED".equals(c.judgment) && interestFrom != null) {
            LocalDate until = open ? LocalDate.now(clock) : c.since;
            for (ItemView i : items) {
                if ("PRINCIPAL".equals(i.component())) {
                    BigDecimal interest = be.caisse.recovery.domain.JudicialInterest.accrued(i.amount(), judicialInterestRate, interestFrom, until);
                    if (interest.signum() > 0) {
                        judicial.add(new ItemView(i.period(), "INTEREST", interest, null));
                    }
                }
            }
        }
        BigDecimal totalClaimed = judicial.stream().map(ItemView::amount).reduce(debt, BigDecimal::add);
        return new CaseView(c.id, c.reference, c.debtor, p == null ? null : p.firstName, p == null ? null : p.lastName, c.state, c.since,
                c.nextStep, c.nextStepOn, debt, items, c.lastReminderOn,
                c.lastReminderOn == null ? null : RecoveryPath.windowEnd(c.lastReminderOn, recovery.timers()), c.contestedOn, c.contestation,
                made, contacts,
                open ? RecoveryPath.refusals(RecoveryPath.Step.CONTRAINTE, state, made, c.planId != null, c.insolvencyKind != null) : List.of(),
                open ? RecoveryPath.refusals(RecoveryPath.Step.SUMMONS, state, made, c.planId != null, c.insolvencyKind != null) : List.of(),
                c.registeredMailRef,
                c.contrainteId == null ? null : new ContrainteView(c.contrainteId, c.contrainteIssuedOn, c.contrainteServedOn, c.bailiff,
                        c.contrainteServedOn == null ? null : RecoveryPath.oppositionEnd(c.contrainteServedOn, recovery.timers()), c.opposedOn),
                c.summonedOn == null ? null : new SummonsView(c.summonedOn, c.court, c.hearingOn),
                c.judgment == null ? null : new JudgmentView(c.judgment, c.judgmentOn),
                be.caisse.recovery.persistence.PaymentPlanEntity.<be.caisse.recovery.persistence.PaymentPlanEntity>list(
                        "caseId = ?1 order by requestedOn, id", c.id).stream().map(this::plan).toList(),
                c.insolvencyKind == null ? null : new InsolvencyView(c.insolvencyKind, c.insolvencyOn, c.curator, c.claimFiledOn, c.claimAmount,
                        c.claimRank), c.closedReason, c.writtenOff, parties(c.id), costs, seizures(c.id),
                open ? recovery.coDebtors(c) : List.of(), c.openedOn, c.updatedAt, judicial, totalClaimed);
    }

    @Schema(name = "PlanInstalment")
    public record InstalmentView(int number, @Schema(description = "Due on") LocalDate dueOn, BigDecimal amount, BigDecimal received,
                                 @Schema(description = "Pay it with this structured communication") String structuredCommunication) {
    }

    @Schema(name = "PaymentPlan")
    public record PlanView(UUID id, @Schema(description = "REQUESTED (by the member), PROPOSED (above an agent's limits: a supervisor decides), APPROVED (being kept), REJECTED, BROKEN, COMPLETED") String status,
                           BigDecimal amount, int months, @Schema(description = "First instalment due on") LocalDate firstDueOn,
                           @Schema(description = "Who may grant it: AGENT within the limits, SUPERVISOR above") String approver,
                           String requestedBy, @Schema(description = "Requested on") LocalDate requestedOn, String decidedBy,
                           @Schema(description = "An instalment missed since") LocalDate lateSince, List<InstalmentView> instalments) {
    }

    PlanView plan(be.caisse.recovery.persistence.PaymentPlanEntity p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT number, due_on, amount, received, structured_communication FROM plan_instalment "
                + "WHERE plan_id = :p ORDER BY number").setParameter("p", p.id).getResultList();
        List<InstalmentView> lines = rows.stream().map(r -> new InstalmentView(((Number) r[0]).intValue(),
                r[1] instanceof Date d ? d.toLocalDate() : (LocalDate) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                be.caisse.common.identifiers.StructuredCommunication.parse((String) r[4]).formatted())).toList();
        return new PlanView(p.id, p.status, p.amount, p.months, p.firstDueOn, p.approver, p.requestedBy, p.requestedOn, p.decidedBy,
                p.lateSince, lines);
    }

    public record PlanInput(@NotNull(message = "required") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(60)
                            @Schema(description = "Monthly instalments") Integer months,
                            @NotNull(message = "required") @Schema(description = "The first instalment due on (yyyy-MM-dd): from today to 3 months ahead") LocalDate firstDueOn) {
    }

    public record PlanDecisionInput(@NotNull(message = "required") Boolean approve, @Size(max = 400) String note) {
    }

    @POST
    @Path("/cases/{id}/plans")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agree a payment plan for the case's debt (agent): granted at once within the agents' limits, otherwise proposed to a supervisor")
    @APIResponse(responseCode = "201", description = "Granted or proposed",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response plan(@PathParam("id") UUID id, @Valid @NotNull PlanInput input, @Context UriInfo uri) {
        firstDue(input.firstDueOn());
        plans.request(id, input.months(), input.firstDueOn(), access.user(), false);
        return Response.created(uri.getBaseUriBuilder().path("recovery/cases/" + id).build()).entity(view(RecoveryService.require(id))).build();
    }

    @POST
    @Path("/cases/{id}/plans/{planId}/approval")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant or refuse a plan the member asked for or an agent proposed: a supervisor for one above the agents' limits (403 otherwise)")
    public CaseView decidePlan(@PathParam("id") UUID id, @PathParam("planId") UUID planId, @Valid @NotNull PlanDecisionInput input,
                               @Context jakarta.ws.rs.core.SecurityContext security) {
        plans.decide(id, planId, input.approve(), input.note(), access.user(), security.isUserInRole(Roles.SUPERVISOR)
                || security.isUserInRole(Roles.ADMIN));
        return view(RecoveryService.require(id));
    }

    @POST
    @Path("/me/plan-requests")
    @RolesAllowed(Roles.AFFILIATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The member asks for a payment plan of her open case's debt; the fund answers (an agent, or a supervisor above the agents' limits)")
    @APIResponse(responseCode = "201", description = "Asked",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response askPlan(@Valid @NotNull PlanInput input, @Context UriInfo uri) {
        String niss = access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
        firstDue(input.firstDueOn());
        RecoveryCaseEntity c = RecoveryService.openCase(niss);
        if (c == null) {
            throw DomainProblem.conflict("plan-nothing-due", niss.substring(0, 6) + "…");
        }
        plans.request(c.id, input.months(), input.firstDueOn(), access.user(), true);
        return Response.created(uri.getBaseUriBuilder().path("recovery/cases/" + c.id).build()).entity(view(RecoveryService.require(c.id))).build();
    }

    private void firstDue(LocalDate d) {
        LocalDate today = LocalDate.now(clock);
        if (d.isBefore(today) || d.isAfter(today.plusMonths(3))) {
            throw DomainProblem.invalid(List.of(Issue.field("firstDueOn", "date-window", today, today.plusMonths(3))));
        }
    }

    RecoveryCaseEntity readable(UUID id) {
        RecoveryCaseEntity c = RecoveryService.require(id);
        access.checkCanRead(c.debtor, "recovery case");
        return c;
    }

    @GET
    @Path("/cases")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The cases, by state, oldest in their state first (paged)")
    public PageView<CaseView> list(@QueryParam("state") CaseState state, @Valid @BeanParam Paging paging) {
        return paging.list(state == null ? RecoveryCaseEntity.findAll(Sort.ascending("since").and("id"))
                : RecoveryCaseEntity.find("state", Sort.ascending("since").and("id"), state.name()), this::view);
    }

    @GET
    @Path("/cases/{id}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A case: state, next step and its date, the debt per item with its prescription date, contacts, contrainte, summons, and why a judicial step would be refused")
    public CaseView read(@PathParam("id") UUID id) {
        return view(readable(id));
    }

    @GET
    @Path("/cases/{id}/steps")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every move of the case, who and when, oldest first (paged)")
    public PageView<StepView> steps(@PathParam("id") UUID id, @Valid @BeanParam Paging paging) {
        RecoveryCaseEntity c = readable(id);
        Number total = (Number) em.createNativeQuery("SELECT count(*) FROM case_step WHERE case_id = :c").setParameter("c", c.id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT from_state, to_state, on_date, by_whom, note, at FROM case_step WHERE case_id = :c "
                        + "ORDER BY id LIMIT :l OFFSET :o").setParameter("c", c.id).setParameter("l", paging.size())
                .setParameter("o", paging.offset()).getResultList();
        return PageView.of(rows, paging, total.longValue(), r -> new StepView((String) r[0], (String) r[1],
                r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2], (String) r[3], (String) r[4],
                r[5] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) r[5]));
    }

    /** What an agent must do, by kind. */
    public enum Work { PERSONAL_CONTACT, JUDICIAL_STEP, SERVICE_TO_RECORD, OPPOSITION_BEFORE_COURT, TIMER_OVERDUE, PRESCRIPTION,
        PROPOSE_SURCHARGE_WAIVER, PROPOSE_DISPENSATION, PROPOSE_REDUCTION }

    @Schema(name = "WorklistItem")
    public record WorkItem(Work kind, UUID caseId, String reference, String debtor, String state,
                           @Schema(description = "In this state since") LocalDate since, BigDecimal debt,
                           @Schema(description = "For a proposal: the contribution request to file with the member (POST, its type)") String request) {
    }

    @GET
    @Path("/worklist")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What to do today: cases waiting for a personal contact, ready for a judicial step, a service to record, an opposition before the court, a timer the pass has not moved, an item prescribing within 6 months; proposals: a surcharge waiver once only surcharges remain, a dispensation after a broken plan, a reduction of provisional contributions above the minimum not yet regularised (paged, by kind then age)")
    public PageView<WorkItem> worklist(@QueryParam("kind") Work kind, @Valid @BeanParam Paging paging) {
        LocalDate today = LocalDate.now(clock);
        // everything the classification needs, read for all open cases at once (a handful of queries, not a few per case)
        java.util.Map<UUID, java.util.Map<String, BigDecimal>> components = new java.util.HashMap<>();
        java.util.Map<UUID, List<String>> periods = new java.util.HashMap<>();
        java.util.Map<UUID, java.util.Map<String, Integer>> starts = new java.util.HashMap<>();
        java.util.Set<UUID> reducible = new java.util.HashSet<>();
        for (Object[] r : rows("SELECT d.case_id, d.component, d.period, SUM(d.amount), max(d.start_year), bool_or(d.reducible) FROM debt_item d "
                + "JOIN recovery_case c ON c.id = d.case_id "
                + "WHERE c.state <> 'CLOSED' AND d.amount > 0 GROUP BY d.case_id, d.component, d.period ORDER BY d.period")) {
            components.computeIfAbsent((UUID) r[0], k -> new java.util.HashMap<>()).merge((String) r[1], (BigDecimal) r[3], BigDecimal::add);
            if (r[4] != null) {
                starts.computeIfAbsent((UUID) r[0], k -> new java.util.HashMap<>()).put((String) r[2], ((Number) r[4]).intValue());
            }
            if (Boolean.TRUE.equals(r[5])) {
                reducible.add((UUID) r[0]);
            }
            List<String> ps = periods.computeIfAbsent((UUID) r[0], k -> new ArrayList<>());
            if (!ps.contains((String) r[2])) {
                ps.add((String) r[2]);
            }
        }
        java.util.Set<UUID> broken = new java.util.HashSet<>();
        java.util.Map<UUID, List<LocalDate>> planDates = new java.util.HashMap<>();
        for (Object[] r : rows("SELECT p.case_id, p.status, p.requested_on FROM payment_plan p JOIN recovery_case c ON c.id = p.case_id "
                + "WHERE c.state <> 'CLOSED'")) {
            if ("BROKEN".equals(r[1])) {
                broken.add((UUID) r[0]);
            }
            planDates.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(day(r[2]));
        }
        java.util.Map<UUID, List<PersonalContact.Contact>> contacts = new java.util.HashMap<>();
        for (Object[] r : rows("SELECT k.case_id, k.channel, k.outcome, k.on_date FROM case_contact k JOIN recovery_case c ON c.id = k.case_id "
                + "WHERE c.state <> 'CLOSED'")) {
            contacts.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new PersonalContact.Contact(
                    PersonalContact.Channel.valueOf((String) r[1]), PersonalContact.Outcome.valueOf((String) r[2]), day(r[3])));
        }
        List<WorkItem> all = new ArrayList<>();
        for (RecoveryCaseEntity c : RecoveryCaseEntity.<RecoveryCaseEntity>list("state <> 'CLOSED' order by since, id")) {
            CaseState s = CaseState.valueOf(c.state);
            Work w = null;
            String request = null;
            java.util.Map<String, BigDecimal> parts = components.getOrDefault(c.id, java.util.Map.of());
            boolean onlySurcharges = !parts.isEmpty() && parts.keySet().stream().allMatch("SURCHARGE"::equals);
            if (c.nextStepOn != null && c.nextStepOn.isBefore(today)) {
                w = Work.TIMER_OVERDUE;
            } else if (onlySurcharges) {
                // the contributions are paid, only surcharges remain: their remission may be asked (REFERENCE.md §2.9, §5.3)
                w = Work.PROPOSE_SURCHARGE_WAIVER;
                request = "/api/contributions/accounts/" + c.debtor + "/requests SURCHARGE_WAIVER";
            } else if (broken.contains(c.id) && c.planId == null && !s.judicial()) {
                // a plan the debtor could not keep: a dispensation may be the reasonable solution (REFERENCE.md §2.11, §5.3)
                w = Work.PROPOSE_DISPENSATION;
                request = "/api/contributions/accounts/" + c.debtor + "/requests EXEMPTION";
            } else if (recovery.prescriptions(c, periods.getOrDefault(c.id, List.of()), starts.getOrDefault(c.id, java.util.Map.of()),
                    planDates.getOrDefault(c.id, List.of()))
                    .values().stream().anyMatch(d -> !d.isAfter(today.plusMonths(6)))) {
                w = Work.PRESCRIPTION; // an item prescribes within 6 months (or has: a write-off to propose)
            } else if (s == CaseState.AWAITING_JUDICIAL_STEP || s == CaseState.CONTESTED) {
                w = PersonalContact.made(contacts.getOrDefault(c.id, List.of()), recovery.contactRule()) ? Work.JUDICIAL_STEP : Work.PERSONAL_CONTACT;
            } else if (s == CaseState.CONTRAINTE_ISSUED) {
                w = Work.SERVICE_TO_RECORD;
            } else if (s == CaseState.OPPOSED) {
                w = Work.OPPOSITION_BEFORE_COURT;
            } else if (reducible.contains(c.id) && c.planId == null && c.insolvencyKind == null) {
                // provisional contributions above the category's minimum, not yet regularised: if the member's income
                // fell, a reduction (an estimate of the year's income, REFERENCE.md §2.7, §5.3) lowers what is claimed
                w = Work.PROPOSE_REDUCTION;
                request = "/api/contributions/accounts/" + c.debtor + "/requests ESTIMATE";
            }
            if (w != null && (kind == null || kind == w)) {
                all.add(new WorkItem(w, c.id, c.reference, c.debtor, c.state, c.since,
                        parts.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), request));
            }
        }
        all.sort(java.util.Comparator.comparing(WorkItem::kind).thenComparing(WorkItem::since).thenComparing(WorkItem::caseId));
        return paging.list(all, x -> x);
    }

    @POST
    @Path("/cases/{id}/contacts")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a personal contact with the debtor, or an attempt that did not reach them (agent)")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response contact(@PathParam("id") UUID id, @Valid @NotNull ContactInput input, @Context UriInfo uri) {
        notFuture(input.on(), "on");
        RecoveryCaseEntity c = recovery.contact(id, input.channel(), input.outcome(), input.on(), input.note().strip(), access.user());
        return Response.created(uri.getBaseUriBuilder().path("recovery/cases/" + c.id).build()).entity(view(c)).build();
    }

    @POST
    @Path("/cases/{id}/contestations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a motivated contestation received within the month after the registered last reminder: only a summons remains")
    public CaseView contest(@PathParam("id") UUID id, @Valid @NotNull ContestationInput input) {
        notFuture(input.receivedOn(), "receivedOn");
        return view(recovery.contest(id, input.receivedOn(), input.motivation().strip(), access.user()));
    }

    @POST
    @Path("/cases/{id}/contraintes")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Issue the contrainte (art. 47bis): refused (409, with every reason) without a recorded personal contact, in the window, after a contestation")
    @APIResponse(responseCode = "201", description = "Issued",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response contrainte(@PathParam("id") UUID id, @Context UriInfo uri) {
        RecoveryCaseEntity c = recovery.contrainte(id, access.user());
        return Response.created(uri.getBaseUriBuilder().path("recovery/cases/" + c.id).build()).entity(view(c)).build();
    }

    @POST
    @Path("/cases/{id}/contraintes/{contrainteId}/service")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the service of the contrainte by the bailiff: one month for opposition runs from it")
    public CaseView served(@PathParam("id") UUID id, @PathParam("contrainteId") UUID contrainteId, @Valid @NotNull ServiceInput input) {
        notFuture(input.servedOn(), "servedOn");
        return view(recovery.served(id, contrainteId, input.servedOn(), input.bailiff().strip(), access.user()));
    }

    @POST
    @Path("/cases/{id}/oppositions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the debtor's opposition to the served contrainte (within one month): enforcement waits for the court")
    public CaseView opposition(@PathParam("id") UUID id, @Valid @NotNull OppositionInput input) {
        notFuture(input.filedOn(), "filedOn");
        return view(recovery.opposition(id, input.filedOn(), access.user()));
    }

    @POST
    @Path("/cases/{id}/summons")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summon the debtor before the labour court: refused (409, with every reason) without a recorded personal contact or in the window")
    public CaseView summons(@PathParam("id") UUID id, @Valid @NotNull SummonsInput input) {
        LocalDate today = LocalDate.now(clock);
        if (input.hearingOn().isBefore(today) || input.hearingOn().isAfter(today.plusYears(2))) {
            throw DomainProblem.invalid(List.of(Issue.field("hearingOn", "date-window", today, today.plusYears(2))));
        }
        return view(recovery.summons(id, input.hearingOn(), input.court().strip(), access.user()));
    }

    private void notFuture(LocalDate d, String field) {
        LocalDate today = LocalDate.now(clock);
        if (d.isAfter(today) || d.isBefore(today.minusYears(1))) {
            throw DomainProblem.invalid(List.of(Issue.field(field, "date-window", today.minusYears(1), today)));
        }
    }

    @Schema(name = "CaseParty")
    public record PartyView(UUID id, String kind, String name, String fileReference, @Schema(description = "Appointed on") LocalDate appointedOn) {
    }

    @Schema(name = "CaseCost")
    public record CostView(UUID partyId, String description, BigDecimal amount, @Schema(description = "Incurred on") LocalDate incurredOn) {
    }

    @Schema(name = "CaseSeizure")
    public record SeizureView(String kind, @Schema(description = "Seized on") LocalDate seizedOn, String result, BigDecimal recovered) {
    }

    private static LocalDate day(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<PartyView> parties(UUID caseId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT id, kind, name, file_reference, appointed_on FROM case_party WHERE case_id = :c "
                + "ORDER BY appointed_on, id").setParameter("c", caseId).getResultList()).stream()
                .map(r -> new PartyView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], day(r[4]))).toList();
    }

    @SuppressWarnings("unchecked")
    List<CostView> costs(UUID caseId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT party_id, description, amount, incurred_on FROM case_cost WHERE case_id = :c "
                + "ORDER BY incurred_on, id").setParameter("c", caseId).getResultList()).stream()
                .map(r -> new CostView((UUID) r[0], (String) r[1], (BigDecimal) r[2], day(r[3]))).toList();
    }

    @SuppressWarnings("unchecked")
    List<SeizureView> seizures(UUID caseId) {
        return ((List<Object[]>) em.createNativeQuery("SELECT kind, seized_on, result, recovered FROM case_seizure WHERE case_id = :c "
                + "ORDER BY seized_on, id").setParameter("c", caseId).getResultList()).stream()
                .map(r -> new SeizureView((String) r[0], day(r[1]), (String) r[2], (BigDecimal) r[3])).toList();
    }

    public record PartyInput(@NotNull(message = "required") RecoveryService.PartyKind kind,
                             @NotBlank(message = "required") @Size(max = 200) String name,
                             @Size(max = 60) @Schema(description = "The party's own file reference") String fileReference,
                             @NotNull(message = "required") @Schema(description = "Appointed on (yyyy-MM-dd)") LocalDate appointedOn) {
    }

    public record CostInput(UUID partyId, @NotBlank(message = "required") @Size(max = 400) String description,
                            @NotNull(message = "required") @jakarta.validation.constraints.DecimalMin(value = "0.01", message = "amount")
                            @jakarta.validation.constraints.Digits(integer = 8, fraction = 2, message = "amount") BigDecimal amount,
                            @NotNull(message = "required") @Schema(description = "Incurred on (yyyy-MM-dd)") LocalDate incurredOn) {
    }

    public enum SeizureKind { MOVABLE_GOODS, BANK_ACCOUNT, THIRD_PARTY, REAL_ESTATE }

    public record SeizureInput(@NotNull(message = "required") SeizureKind kind,
                               @NotNull(message = "required") @Schema(description = "Seized on (yyyy-MM-dd)") LocalDate seizedOn,
                               @Size(max = 2000) String result,
                               @jakarta.validation.constraints.DecimalMin(value = "0.00", message = "amount")
                               @jakarta.validation.constraints.Digits(integer = 8, fraction = 2, message = "amount") BigDecimal recovered) {
    }

    @POST
    @Path("/cases/{id}/parties")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a bailiff, a lawyer or a curator acting on the case, with its file reference")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response party(@PathParam("id") UUID id, @Valid @NotNull PartyInput input, @Context UriInfo uri) {
        notFuture(input.appointedOn(), "appointedOn");
        recovery.party(id, input.kind(), input.name().strip(), input.fileReference(), input.appointedOn(), access.user());
        return Response.created(uri.getBaseUriBuilder().path("recovery/cases/" + id).build()).entity(view(RecoveryService.require(id))).build();
    }

    @POST
    @Path("/cases/{id}/costs")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record costs charged on the case (a bailiff's acts, the procedure): at the debtor's charge, collected by the party, listed with the case")
    public CaseView cost(@PathParam("id") UUID id, @Valid @NotNull CostInput input) {
        notFuture(input.incurredOn(), "incurredOn");
        return view(recovery.cost(id, input.partyId(), input.description().strip(), input.amount(), input.incurredOn(), access.user()));
    }

    @POST
    @Path("/cases/{id}/seizures")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a seizure and its result (in enforcement)")
    public CaseView seizure(@PathParam("id") UUID id, @Valid @NotNull SeizureInput input) {
        notFuture(input.seizedOn(), "seizedOn");
        return view(recovery.seizure(id, input.kind().name(), input.seizedOn(), input.result(), input.recovered(), access.user()));
    }

    @Schema(name = "Insolvency")
    public record InsolvencyView(String kind, @Schema(description = "Opened on") LocalDate openedOn, String curator,
                                 @Schema(description = "Claim filed with the curator on") LocalDate claimFiledOn, BigDecimal claimAmount,
                                 @Schema(description = "The rank as recorded") String claimRank) {
    }

    public enum InsolvencyKind { BANKRUPTCY, JUDICIAL_REORGANISATION, COLLECTIVE_DEBT_SETTLEMENT }

    public record InsolvencyInput(@NotNull(message = "required") InsolvencyKind kind,
                                  @NotNull(message = "required") @Schema(description = "Opened on (yyyy-MM-dd)") LocalDate openedOn,
                                  @Size(max = 200) @Schema(description = "The curator (curateur / curator) or the mediator") String curator,
                                  @Schema(description = "The claim filed on (yyyy-MM-dd)") LocalDate claimFiledOn,
                                  @jakarta.validation.constraints.DecimalMin(value = "0.01", message = "amount")
                                  @jakarta.validation.constraints.Digits(integer = 8, fraction = 2, message = "amount") BigDecimal claimAmount,
                                  @Size(max = 60) @Schema(description = "Its rank, as the curator recorded it") String claimRank) {
    }

    public record WriteOffInput(@NotNull(message = "required") RecoveryService.WriteOff reason,
                                @NotBlank(message = "required") @Size(max = 2000) @Schema(description = "Why, in words") String note) {
    }

    @POST
    @Path("/cases/{id}/insolvency")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a bankruptcy or judicial reorganisation (agent): enforcement is suspended; the claim filed with the curator is kept")
    public CaseView insolvency(@PathParam("id") UUID id, @Valid @NotNull InsolvencyInput input) {
        notFuture(input.openedOn(), "openedOn");
        if (input.claimFiledOn() != null) {
            notFuture(input.claimFiledOn(), "claimFiledOn");
        }
        return view(recovery.insolvency(id, input.kind().name(), input.openedOn(), input.curator(), input.claimFiledOn(), input.claimAmount(),
                input.claimRank(), access.user()));
    }

    @POST
    @Path("/cases/{id}/write-off")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a case off (supervisor): every item prescribed, a debt below the threshold, or uncollectable; the case is closed")
    public CaseView writeOff(@PathParam("id") UUID id, @Valid @NotNull WriteOffInput input) {
        return view(recovery.writeOff(id, input.reason(), input.note().strip(), access.user()));
    }

    @POST
    @Path("/cases/{id}/judgment")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the labour court's judgment after a summons or on an opposition: CONDEMNED, enforcement goes on; DISMISSED, the case is closed")
    public CaseView judgment(@PathParam("id") UUID id, @Valid @NotNull JudgmentInput input) {
        notFuture(input.on(), "on");
        return view(recovery.judgment(id, input.outcome(), input.on(), input.note(), access.user()));
    }

    @POST
    @Path("/cases/{id}/registered-mail")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the postal service's reference of the registered last reminder (art. 46)")
    public CaseView registeredMail(@PathParam("id") UUID id, @Valid @NotNull RegisteredMailInput input) {
        return view(recovery.registeredMail(id, input.reference().strip(), access.user()));
    }

    public record PassResult(int moved) {
    }

    @Schema(name = "DailyPass")
    public record PassView(@Schema(description = "The day of the pass") LocalDate day, String status,
                           @Schema(description = "Cases moved by the passes of the day so far") int moved, int runs, String startedBy,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt, String failure) {
    }

    @GET
    @Path("/admin/daily-pass/{day}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The daily pass of a day and its progress: RUNNING with the cases moved so far, COMPLETED, or FAILED with why")
    public PassView passOf(@org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)",
            schema = @Schema(type = SchemaType.STRING, format = "date")) @PathParam("day") @be.caisse.common.web.ValidDate String dayText) {
        LocalDate day = LocalDate.parse(dayText);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT day, status, moved, runs, started_by, started_at, finished_at, failure FROM daily_pass "
                + "WHERE day = :d").setParameter("d", day).getResultList();
        if (rows.isEmpty()) {
            throw DomainProblem.notFound("daily-pass");
        }
        Object[] r = rows.get(0);
        return new PassView(day(r[0]), (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4], at(r[5]), at(r[6]),
                (String) r[7]);
    }

    private static OffsetDateTime at(Object o) {
        return o == null ? null : o instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                : o instanceof java.sql.Timestamp t ? t.toInstant().atOffset(java.time.ZoneOffset.UTC) : (OffsetDateTime) o;
    }

    @POST
    @Path("/admin/daily-pass")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the daily pass (01:30): every case whose timer fell due moves one step; a second pass the same day moves nothing")
    public PassResult pass() {
        return new PassResult(recovery.pass(access.user()));
    }
}
