package be.caisse.affiliation.api;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.LifeEventService;
import be.caisse.affiliation.application.RelationService;
import be.caisse.affiliation.domain.Names;
import be.caisse.affiliation.domain.TransitionStatus;
import be.caisse.affiliation.domain.TransitionType;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LifeEventEntity;
import be.caisse.affiliation.persistence.LinkedProposalEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.affiliation.persistence.TransitionEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidEnterpriseNumber;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Affiliations")
public class AffiliationResource {

    @Inject
    AffiliationService service;

    @Inject
    RelationService relations;

    @Inject
    LifeEventService lifeEvents;

    @Inject
    be.caisse.affiliation.application.StudentReviewService studentReview;

    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLanguage language;

    private String me() {
        return identity.getPrincipal().getName();
    }

    @Inject
    be.caisse.common.web.Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Register a self-employed person's affiliation (agent)",
            description = "Liable from the first day of the quarter of the start. A start in the past is accepted and "
                    + "flagged late; before the prescription horizon only with confirmBeyondPrescription by a supervisor, "
                    + "and billing says what will and will not be billed.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "The dossier's address", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AffiliationView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used for another request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = be.caisse.common.problem.Problem.class)))
    public Response register(@Valid @NotNull RegisterAffiliationRequest request, @Context UriInfo uri,
                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "A key of the client's choice "
                                     + "(1-100 letters, digits, . _ : -): a retry with the same key and body gets the first answer again "
                                     + "(header Idempotent-Replayed: true) instead of a second registration")
                             @jakarta.ws.rs.HeaderParam(be.caisse.common.web.Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "register-affiliation", me(), request, () -> registered(request, uri));
    }

    private Response registered(RegisterAffiliationRequest request, UriInfo uri) {
        AffiliationService.Registered r = service.register(new AffiliationService.Registration(Niss.parse(request.niss()),
                request.personInput().toData(), request.categoryInput().toDetails(), request.startDate(),
                Boolean.TRUE.equals(request.confirmBeyondPrescription()), identity.hasRole(Roles.SUPERVISOR)), me());
        AffiliationEntity created = r.affiliation();
        AffiliationService.Billing b = r.billing();
        Views.BillingView billing = new Views.BillingView(b.liableFrom(), b.billedFrom(), b.prescribedUntil(),
                b.prescribedUntil() == null ? language.text("note.billing.all", b.liableFrom())
                        : language.text("note.billing.prescribed", b.liableFrom(), b.prescribedUntil(), b.billedFrom()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.niss).build())
                .entity(AffiliationView.of(created, PersonEntity.findById(created.niss)).withBilling(billing)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Search persons by NISS, name or the enterprise number of a company they direct (agent, paged)",
            description = "A name matches first then last name or last then first name, ignoring case and accents "
                    + "(helene finds Hélène); % and _ are matched as they are.")
    public PageView<Views.Summary> search(@QueryParam("niss") @ValidNiss String niss,
                                          @QueryParam("name") @Size(min = 2, max = 100) String name,
                                          @QueryParam("enterpriseNumber") @ValidEnterpriseNumber String enterpriseNumber,
                                          @Valid @BeanParam Paging paging) {
        PanacheQuery<PersonEntity> query;
        if (niss != null) {
            query = PersonEntity.find("niss", Sort.by("lastName").and("firstName"), Niss.parse(niss).value());
        } else if (name != null) {
            String like = Names.likePattern(name);
            query = PersonEntity.find("searchName like ?1 escape '\\' or searchNameReversed like ?1 escape '\\'",
                    Sort.by("lastName").and("firstName").and("niss"), like);
        } else if (enterpriseNumber != null) {
            String kbo = EnterpriseNumber.parse(enterpriseNumber).value();
            query = PersonEntity.find("niss in (select m.niss from MandateEntity m where m.enterpriseNumber = ?1)",
                    Sort.by("lastName").and("firstName"), kbo);
        } else {
            throw DomainProblem.badRequest("search-criterion");
        }
        return paging.list(query, p -> Views.summary(latest(p.niss), p));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The signed-in member's own affiliation, with what is planned")
    public AffiliationView mine() {
        return read(ownNiss());
    }

    String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The dossier: the current (or latest) affiliation period, what is planned ahead, the proposals waiting")
    public AffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation");
        service.applyDue(n);
        AffiliationEntity a = latest(n);
        if (a == null) {
            throw DomainProblem.notFound("affiliation");
        }
        List<Views.TransitionView> planned = AffiliationService.plannedOf(n).stream().map(this::view).toList();
        List<Views.ProposalView> pending = LinkedProposalEntity.<LinkedProposalEntity>list(
                "niss = ?1 and status = 'PENDING' order by createdAt", n).stream().map(Views.ProposalView::of).toList();
        return AffiliationView.of(a, PersonEntity.findById(n)).with(planned, pending);
    }

    @GET
    @Path("/{niss}/history")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every affiliation period of a person, newest first (paged); what is planned is in the dossier and the trail")
    public PageView<AffiliationView> history(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation history");
        service.applyDue(n);
        PanacheQuery<AffiliationEntity> q = AffiliationEntity.find("niss = ?1 and status <> ?2", Sort.descending("startDate"), n,
                be.caisse.affiliation.domain.AffiliationStatus.CANCELLED);
        PersonEntity p = PersonEntity.findById(n);
        return paging.list(q, a -> AffiliationView.of(a, p));
    }

    @GET
    @Path("/{niss}/transitions")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The dossier's trail: every transition, applied, planned, cancelled or revoked by a correction, newest first (paged)")
    public PageView<Views.TransitionView> transitions(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation trail");
        service.applyDue(n);
        PanacheQuery<TransitionEntity> q = TransitionEntity.find("niss", Sort.descending("requestedAt").and("id"), n);
        return paging.list(q, this::view);
    }

    @GET
    @Path("/{niss}/transitions/{id}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One transition of the trail, with the affiliation as it stands and what it touches")
    public Views.TransitionOutcome transition(@PathParam("niss") @ValidNiss String niss, @PathParam("id") UUID id) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation trail");
        service.applyDue(n);
        TransitionEntity t = TransitionEntity.findById(id);
        if (t == null || !t.niss.equals(n)) {
            throw DomainProblem.notFound("transition");
        }
        return outcome(t);
    }

    @POST
    @Path("/{niss}/category-changes")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Change the category, effective by the law's quarter rules (agent); dated ahead, it is planned")
    @APIResponse(responseCode = "201", description = "Recorded (applied, or planned for its date)",
            headers = @Header(name = "Location", description = "The transition in the dossier's trail", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TransitionOutcome.class)))
    public Response changeCategory(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.CategoryChangeInput input,
                                   @Context UriInfo uri) {
        return created(service.changeCategory(Niss.parse(niss).value(), input.category().toDetails(), input.eventDate(), me()), uri);
    }

    @POST
    @Path("/{niss}/interruptions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Interrupt the activity (agent); dated ahead, it is planned")
    @APIResponse(responseCode = "201", description = "Recorded (applied, or planned for its date)",
            headers = @Header(name = "Location", description = "The transition in the dossier's trail", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TransitionOutcome.class)))
    public Response interrupt(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.DateInput input, @Context UriInfo uri) {
        return created(service.interrupt(Niss.parse(niss).value(), input.date(), me()), uri);
    }

    @POST
    @Path("/{niss}/resumptions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Resume an interrupted activity after the quarter of the interruption (agent); dated ahead, it is planned")
    @APIResponse(responseCode = "201", description = "Recorded (applied, or planned for its date)",
            headers = @Header(name = "Location", description = "The transition in the dossier's trail", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TransitionOutcome.class)))
    public Response resume(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.DateInput input, @Context UriInfo uri) {
        return created(service.resume(Niss.parse(niss).value(), input.date(), me()), uri);
    }

    @POST
    @Path("/{niss}/cessations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cease the activity with its reason (agent); dated ahead, it is planned",
            description = "Liable until the end of the quarter. A bankruptcy or forced interruption records the life event "
                    + "(rights can be proposed); the answer lists what is linked: the helping spouse's end proposed to an "
                    + "agent, the running mandates (another activity, not ended).")
    @APIResponse(responseCode = "201", description = "Recorded (applied, or planned for its date)",
            headers = @Header(name = "Location", description = "The transition in the dossier's trail", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TransitionOutcome.class)))
    public Response cease(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.CessationInput input, @Context UriInfo uri) {
        return created(service.cease(Niss.parse(niss).value(), input.date(), input.reason(), me()), uri);
    }

    @POST
    @Path("/{niss}/transfers")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Transfer to another fund: planned for the day before it takes effect (1 January) (agent)")
    @APIResponse(responseCode = "201", description = "Recorded (planned until its date)",
            headers = @Header(name = "Location", description = "The transition in the dossier's trail", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TransitionOutcome.class)))
    public Response transfer(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.TransferInput input, @Context UriInfo uri) {
        return created(service.transfer(Niss.parse(niss).value(), input.requestDate(), me()), uri);
    }

    @POST
    @Path("/{niss}/transitions/{id}/cancellation")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cancel a planned transition before it takes effect, with the reason (agent); an applied one is corrected instead")
    public Views.TransitionOutcome cancelPlanned(@PathParam("niss") @ValidNiss String niss, @PathParam("id") UUID id,
                                                 @Valid @NotNull Inputs.CancellationInput input) {
        return outcome(service.cancelPlanned(Niss.parse(niss).value(), id, input.reason().strip(), me()));
    }

    @POST
    @Path("/{niss}/helpers")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Link a helper to the self-employed person helped (agent)")
    @APIResponse(responseCode = "201", description = "Linked",
            headers = @Header(name = "Location", description = "The person's helper links", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.HelperLinkView.class)))
    public Response linkHelper(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.HelperInput input,
                               @Context UriInfo uri) {
        HelperLinkEntity link = relations.linkHelper(Niss.parse(input.helperNiss()).value(), Niss.parse(niss).value(), input.startDate());
        return Response.created(uri.getAbsolutePath()).entity(Views.HelperLinkView.of(link)).build();
    }

    @POST
    @Path("/helpers/{id}/end")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "End a helper link (agent)")
    public Views.HelperLinkView unlinkHelper(@PathParam("id") UUID id, @Valid @NotNull Inputs.EndDateInput input) {
        return Views.HelperLinkView.of(relations.unlinkHelper(id, input.date()));
    }

    @GET
    @Path("/{niss}/mandates")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The companies the person directs or directed (joint liability; paged)")
    public PageView<Views.MandateView> mandates(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "mandates");
        PanacheQuery<MandateEntity> q = MandateEntity.find("niss", Sort.ascending("startDate").and("id"), n);
        return paging.list(q, Views.MandateView::of);
    }

    @GET
    @Path("/{niss}/helpers")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The helper links of the person, as helper or as the person helped (joint liability; paged)")
    public PageView<Views.HelperLinkView> helpers(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "helper links");
        PanacheQuery<HelperLinkEntity> q = HelperLinkEntity.find("helpedNiss = ?1 or helperNiss = ?1", Sort.ascending("startDate").and("id"), n);
        return paging.list(q, Views.HelperLinkView::of);
    }

    public record LifeEventInput(@NotNull(message = "required") LifeEventService.Type type,
                                 @NotNull(message = "required") @Schema(description = "When it happened (yyyy-MM-dd, not in the future)") LocalDate date,
                                 @ValidNiss String relatedNiss,
                                 LifeEventService.Source source,
                                 @Size(max = 400) String note) {
    }

    @POST
    @Path("/{niss}/life-events")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record a life event that may open a right (agent or the National Register feed)")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The person's life events", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.LifeEventView.class)))
    public Response recordLifeEvent(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull LifeEventInput input,
                                    @Context UriInfo uri) {
        LifeEventEntity e = lifeEvents.record(Niss.parse(niss).value(), input.type(), input.date(),
                input.relatedNiss() == null ? null : Niss.parse(input.relatedNiss()).value(),
                input.source() == null ? LifeEventService.Source.AGENT : input.source(), input.note(), me());
        return Response.created(uri.getAbsolutePath()).entity(Views.LifeEventView.of(e)).build();
    }

    @GET
    @Path("/{niss}/life-events")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The person's recorded life events (paged)")
    public PageView<Views.LifeEventView> lifeEvents(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "life events");
        PanacheQuery<LifeEventEntity> q = LifeEventEntity.find("niss", Sort.descending("eventDate").and("id"), n);
        return paging.list(q, Views.LifeEventView::of);
    }

    /** How many dossiers a review or a pass changed. */
    @Schema(name = "PassOutcome")
    public record PassOutcome(int changed) {
    }

    @POST
    @Path("/reviews/student-age-limit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly review of students who turned 25 (they become principal)")
    public PassOutcome reviewStudents() {
        return new PassOutcome(studentReview.reviewAgeLimit());
    }

    @POST
    @Path("/admin/planned-transitions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly pass that applies the planned transitions whose date has come")
    public PassOutcome applyPlanned() {
        return new PassOutcome(service.applyAllDue());
    }

    private Response created(TransitionEntity t, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path("affiliations").path(t.niss).path("transitions").path(t.id.toString()).build();
        return Response.created(location).entity(outcome(t)).build();
    }

    Views.TransitionView view(TransitionEntity t) {
        return Views.TransitionView.of(t, service.details(t));
    }

    Views.TransitionOutcome outcome(TransitionEntity t) {
        AffiliationEntity a = latest(t.niss);
        AffiliationView affiliation = a == null ? null : AffiliationView.of(a, PersonEntity.findById(t.niss));
        Views.Linked linked = null;
        if (t.type == TransitionType.CESSATION) {
            List<Views.ProposalView> proposals = LinkedProposalEntity.<LinkedProposalEntity>list("transitionId = ?1 order by createdAt", t.id)
                    .stream().map(Views.ProposalView::of).toList();
            List<Views.HelperLinkView> helpers = t.status == TransitionStatus.PLANNED
                    ? AffiliationService.activeHelpersOf(t.niss).stream().map(Views.HelperLinkView::of).toList() : List.of();
            linked = new Views.Linked(proposals, helpers,
                    AffiliationService.runningMandatesOf(t.niss).stream().map(Views.MandateView::of).toList());
        }
        return new Views.TransitionOutcome(view(t), affiliation, linked);
    }

    static AffiliationEntity latest(String niss) {
        return AffiliationEntity.findActive(niss).orElseGet(() -> AffiliationEntity.history(niss).stream().findFirst().orElse(null));
    }
}
