package be.caisse.affiliation.api;

import be.caisse.affiliation.application.CorrectionService;
import be.caisse.affiliation.application.ProposalService;
import be.caisse.affiliation.domain.CategoryDetails;
import be.caisse.affiliation.persistence.CorrectionEntity;
import be.caisse.affiliation.persistence.LinkedProposalEntity;
import be.caisse.affiliation.persistence.TransitionEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Corrections of what was recorded by mistake, and the proposals a cessation made: asked by an agent, approved by a
 * supervisor (four eyes) when they reach a quarter already billed; the trail keeps who, when, before, after and why.
 */
@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Corrections")
public class CorrectionResource {
    @Inject
    CorrectionService corrections;

    @Inject
    ProposalService proposals;

    @Inject
    DossierAccess access;

    @POST
    @Path("/{niss}/corrections")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Correct a registration or a transition recorded by mistake: cancel it, or amend its date or category (agent)",
            description = "Checked at once against the rules of the periods. One that reaches a quarter already billed waits "
                    + "for a supervisor's approval (status PENDING_APPROVAL); one that touches only the future is applied "
                    + "(APPLIED). Applied, it is published (corrected.v1) and every service applies it.")
    @APIResponse(responseCode = "201", description = "Recorded (applied, or waiting for a supervisor)",
            headers = @Header(name = "Location", description = "The correction", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CorrectionView.class)))
    public Response request(@PathParam("niss") @ValidNiss String niss, @Valid @NotNull Inputs.CorrectionInput input,
                            @Context UriInfo uri) {
        CategoryDetails category = input.category() == null ? null : input.category().toDetails();
        CorrectionEntity c = corrections.request(Niss.parse(niss).value(), new CorrectionService.Request(input.transitionId(),
                input.action(), input.date(), category, input.reason()), access.user());
        return Response.created(uri.getBaseUriBuilder().path("affiliations/corrections").path(c.id.toString()).build())
                .entity(view(c)).build();
    }

    @GET
    @Path("/{niss}/corrections")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The corrections of a person's dossier, newest first (paged)")
    public PageView<Views.CorrectionView> ofPerson(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "corrections");
        PanacheQuery<CorrectionEntity> q = CorrectionEntity.find("niss", Sort.descending("requestedAt").and("id"), n);
        return paging.list(q, this::view);
    }

    @GET
    @Path("/corrections")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The corrections by status, oldest first (PENDING_APPROVAL: the supervisors' queue; paged)")
    public PageView<Views.CorrectionView> queue(@QueryParam("status") @DefaultValue("PENDING_APPROVAL")
                                                @Pattern(regexp = "PENDING_APPROVAL|APPLIED|REJECTED", message = "correction-status") String status,
                                                @Valid @BeanParam Paging paging) {
        PanacheQuery<CorrectionEntity> q = CorrectionEntity.find("status", Sort.ascending("requestedAt").and("id"), status);
        return paging.list(q, this::view);
    }

    @GET
    @Path("/corrections/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One correction, with the periods before and after")
    public Views.CorrectionView one(@PathParam("id") UUID id) {
        CorrectionEntity c = CorrectionEntity.findById(id);
        if (c == null) {
            throw DomainProblem.notFound("correction");
        }
        access.checkCanRead(c.niss, "correction");
        return view(c);
    }

    @POST
    @Path("/corrections/{id}/decision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve (and apply) or reject a correction that reaches a billed quarter (supervisor, not the one who asked)")
    public Views.CorrectionView decide(@PathParam("id") UUID id, @Valid @NotNull Inputs.DecisionInput input) {
        return view(corrections.decide(id, input.approve(), input.note(), access.user()));
    }

    @GET
    @Path("/{niss}/proposals")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "What the person's cessations proposed (the helping spouse's end), newest first (paged)")
    public PageView<Views.ProposalView> proposalsOf(@PathParam("niss") @ValidNiss String niss, @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "proposals");
        PanacheQuery<LinkedProposalEntity> q = LinkedProposalEntity.find("niss", Sort.descending("createdAt").and("id"), n);
        return paging.list(q, Views.ProposalView::of);
    }

    @GET
    @Path("/proposals")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Proposals by status, oldest first (PENDING: the agents' queue; paged)")
    public PageView<Views.ProposalView> proposalQueue(@QueryParam("status") @DefaultValue("PENDING")
                                                      @Pattern(regexp = "PENDING|CONFIRMED|REJECTED", message = "proposal-status") String status,
                                                      @Valid @BeanParam Paging paging) {
        PanacheQuery<LinkedProposalEntity> q = LinkedProposalEntity.find("status", Sort.ascending("createdAt").and("id"), status);
        return paging.list(q, Views.ProposalView::of);
    }

    @POST
    @Path("/proposals/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Confirm (the helper's link and affiliation end) or reject a proposal of a cessation (agent)")
    public Views.ProposalView decideProposal(@PathParam("id") UUID id, @Valid @NotNull Inputs.ProposalDecisionInput input) {
        return Views.ProposalView.of(proposals.decide(id, input.confirm(), input.note(), access.user()));
    }

    Views.CorrectionView view(CorrectionEntity c) {
        TransitionEntity t = TransitionEntity.findById(c.transitionId);
        CategoryDetails category = corrections.readCategory(c.newDetails);
        return new Views.CorrectionView(c.id, c.niss, c.transitionId, t == null ? null : t.type.name(), c.action.name(), c.newDate,
                category == null ? null : category.category().name(), c.reason, c.status, c.reachesBilled, c.requestedBy,
                c.requestedAt, c.decidedBy, c.decidedAt, c.decisionNote,
                corrections.readPeriods(c.beforeState).stream().map(Views.PeriodView::of).toList(),
                corrections.readPeriods(c.afterState).stream().map(Views.PeriodView::of).toList());
    }
}
