package be.caisse.affiliation.api;

import be.caisse.affiliation.application.AffiliationService;
import be.caisse.affiliation.application.LifeEventService;
import be.caisse.affiliation.application.RelationService;
import be.caisse.affiliation.persistence.AffiliationEntity;
import be.caisse.affiliation.persistence.HelperLinkEntity;
import be.caisse.affiliation.persistence.LifeEventEntity;
import be.caisse.affiliation.persistence.MandateEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private String me() {
        return identity.getPrincipal().getName();
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Register a self-employed person's affiliation (agent)")
    public Response register(@Valid @NotNull(message = "The request body is required") RegisterAffiliationRequest request,
                             @Context UriInfo uri) {
        AffiliationEntity created = service.register(new AffiliationService.Registration(Niss.parse(request.niss()),
                request.personInput().toData(), request.categoryInput().toDetails(), request.startDate()), me());
        return Response.created(uri.getAbsolutePathBuilder().path(created.niss).build())
                .entity(AffiliationView.of(created, PersonEntity.findById(created.niss))).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Search persons by NISS, name or the enterprise number of a company they direct (agent, paged)")
    public PageView<Views.Summary> search(@QueryParam("niss") @ValidNiss String niss,
                                          @QueryParam("name") @Size(min = 2, max = 100, message = "has 2 to 100 characters") String name,
                                          @QueryParam("enterpriseNumber") String enterpriseNumber,
                                          @Valid @BeanParam Paging paging) {
        PanacheQuery<PersonEntity> query;
        if (niss != null) {
            query = PersonEntity.find("niss", Sort.by("lastName").and("firstName"), Niss.parse(niss).value());
        } else if (name != null) {
            query = PersonEntity.find("lower(lastName) like ?1 or lower(firstName) like ?1 or lower(concat(firstName, ' ', lastName)) like ?1",
                    Sort.by("lastName").and("firstName"), "%" + name.toLowerCase().strip() + "%");
        } else if (enterpriseNumber != null) {
            String kbo = EnterpriseNumber.parse(enterpriseNumber).value();
            query = PersonEntity.find("niss in (select m.niss from MandateEntity m where m.enterpriseNumber = ?1)",
                    Sort.by("lastName").and("firstName"), kbo);
        } else {
            throw DomainProblem.badRequest("search-criterion", "Search criterion missing", "Search by niss, name or enterpriseNumber.");
        }
        return paging.list(query, p -> Views.summary(latest(p.niss), p));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The signed-in member's own affiliation")
    public AffiliationView mine() {
        return read(ownNiss());
    }

    String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("affiliation",
                "Your account is not linked to a NISS; contact the fund."));
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The current (or latest) affiliation period of a person")
    public AffiliationView read(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation");
        AffiliationEntity a = latest(n);
        if (a == null) {
            throw DomainProblem.notFound("affiliation", "No affiliation is known for this NISS.");
        }
        return AffiliationView.of(a, PersonEntity.findById(n));
    }

    @GET
    @Path("/{niss}/history")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every affiliation period of a person, newest first (paged)")
    public PageView<AffiliationView> history(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "affiliation history");
        PanacheQuery<AffiliationEntity> q = AffiliationEntity.find("niss", Sort.descending("startDate"), n);
        PersonEntity p = PersonEntity.findById(n);
        return paging.list(q, a -> AffiliationView.of(a, p));
    }

    @POST
    @Path("/{niss}/category-changes")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Change the category, effective by the law's quarter rules (agent)")
    public Response changeCategory(@PathParam("niss") @ValidNiss String niss,
                                   @Valid @NotNull(message = "The request body is required") Inputs.CategoryChangeInput input) {
        AffiliationEntity next = service.changeCategory(Niss.parse(niss).value(), input.category().toDetails(), input.eventDate(), me());
        return Response.status(201).entity(AffiliationView.of(next, PersonEntity.findById(next.niss))).build();
    }

    @POST
    @Path("/{niss}/interruptions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Interrupt the activity (agent)")
    public AffiliationView interrupt(@PathParam("niss") @ValidNiss String niss,
                                     @Valid @NotNull(message = "The request body is required") Inputs.DateInput input) {
        AffiliationEntity a = service.interrupt(Niss.parse(niss).value(), input.date(), me());
        return AffiliationView.of(a, PersonEntity.findById(a.niss));
    }

    @POST
    @Path("/{niss}/resumptions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Resume an interrupted activity (agent)")
    public Response resume(@PathParam("niss") @ValidNiss String niss,
                           @Valid @NotNull(message = "The request body is required") Inputs.DateInput input) {
        AffiliationEntity a = service.resume(Niss.parse(niss).value(), input.date(), me());
        return Response.status(201).entity(AffiliationView.of(a, PersonEntity.findById(a.niss))).build();
    }

    @POST
    @Path("/{niss}/cessations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Cease the activity with its reason (agent)")
    public AffiliationView cease(@PathParam("niss") @ValidNiss String niss,
                                 @Valid @NotNull(message = "The request body is required") Inputs.CessationInput input) {
        AffiliationEntity a = service.cease(Niss.parse(niss).value(), input.date(), input.reason(), me());
        return AffiliationView.of(a, PersonEntity.findById(a.niss));
    }

    @POST
    @Path("/{niss}/transfers")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Transfer to another fund: the affiliation ends the day before the transfer takes effect (agent)")
    public AffiliationView transfer(@PathParam("niss") @ValidNiss String niss,
                                    @Valid @NotNull(message = "The request body is required") Inputs.TransferInput input) {
        AffiliationEntity a = service.transfer(Niss.parse(niss).value(), input.requestDate(), me());
        return AffiliationView.of(a, PersonEntity.findById(a.niss));
    }

    @POST
    @Path("/{niss}/helpers")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Link a helper to the self-employed person helped (agent)")
    public Response linkHelper(@PathParam("niss") @ValidNiss String niss,
                               @Valid @NotNull(message = "The request body is required") Inputs.HelperInput input) {
        HelperLinkEntity link = relations.linkHelper(Niss.parse(input.helperNiss()).value(), Niss.parse(niss).value(), input.startDate());
        return Response.status(201).entity(Views.HelperLinkView.of(link)).build();
    }

    @POST
    @Path("/helpers/{id}/end")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "End a helper link (agent)")
    public Views.HelperLinkView unlinkHelper(@PathParam("id") UUID id,
                                             @Valid @NotNull(message = "The request body is required") Inputs.DateInput input) {
        return Views.HelperLinkView.of(relations.unlinkHelper(id, input.date()));
    }

    @GET
    @Path("/{niss}/mandates")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The companies the person directs or directed (joint liability; paged)")
    public PageView<Views.MandateView> mandates(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "mandates");
        PanacheQuery<MandateEntity> q = MandateEntity.find("niss", Sort.ascending("startDate"), n);
        return paging.list(q, Views.MandateView::of);
    }

    @GET
    @Path("/{niss}/helpers")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The helper links of the person, as helper or as the person helped (joint liability; paged)")
    public PageView<Views.HelperLinkView> helpers(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "helper links");
        PanacheQuery<HelperLinkEntity> q = HelperLinkEntity.find("helpedNiss = ?1 or helperNiss = ?1", Sort.ascending("startDate"), n);
        return paging.list(q, Views.HelperLinkView::of);
    }

    public record LifeEventInput(@NotNull(message = "is required") LifeEventService.Type type,
                                 @NotNull(message = "is required") LocalDate date,
                                 @ValidNiss String relatedNiss,
                                 LifeEventService.Source source,
                                 @Size(max = 400, message = "has at most 400 characters") String note) {
    }

    @POST
    @Path("/{niss}/life-events")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record a life event that may open a right (agent or the National Register feed)")
    public Response recordLifeEvent(@PathParam("niss") @ValidNiss String niss,
                                    @Valid @NotNull(message = "The request body is required") LifeEventInput input) {
        LifeEventEntity e = lifeEvents.record(Niss.parse(niss).value(), input.type(), input.date(),
                input.relatedNiss() == null ? null : Niss.parse(input.relatedNiss()).value(),
                input.source() == null ? LifeEventService.Source.AGENT : input.source(), input.note(), me());
        return Response.status(201).entity(Views.LifeEventView.of(e)).build();
    }

    @GET
    @Path("/{niss}/life-events")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The person's recorded life events (paged)")
    public PageView<Views.LifeEventView> lifeEvents(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "life events");
        PanacheQuery<LifeEventEntity> q = LifeEventEntity.find("niss", Sort.descending("eventDate"), n);
        return paging.list(q, Views.LifeEventView::of);
    }

    @POST
    @Path("/reviews/student-age-limit")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Run now the nightly review of students who turned 25 (they become principal)")
    public Map<String, Integer> reviewStudents() {
        return Map.of("changed", studentReview.reviewAgeLimit());
    }

    static AffiliationEntity latest(String niss) {
        return AffiliationEntity.findActive(niss).orElseGet(() -> AffiliationEntity.history(niss).stream().findFirst().orElse(null));
    }
}
