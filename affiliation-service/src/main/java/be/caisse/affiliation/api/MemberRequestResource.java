package be.caisse.affiliation.api;

import be.caisse.affiliation.application.MemberRequestService;
import be.caisse.affiliation.domain.CessationReason;
import be.caisse.affiliation.persistence.MemberRequestEntity;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members ask, agents decide; the member follows the status of each request. */
@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member requests")
public class MemberRequestResource {
    @Inject
    MemberRequestService requests;

    @Inject
    DossierAccess access;

    @Inject
    SecurityIdentity identity;

    public record RequestInput(@NotNull(message = "is required") MemberRequestService.Type type,
                               @Valid Inputs.AddressInput address,
                               @Pattern(regexp = "fr|nl|de", message = "is fr, nl or de") String language,
                               String iban,
                               @Valid Inputs.CategoryInput category,
                               LocalDate date,
                               CessationReason reason) {
    }

    public record DecisionInput(@NotNull(message = "is required") Boolean approve,
                                @Size(max = 400, message = "has at most 400 characters") String note) {
    }

    private String ownNiss() {
        return access.ownNiss().orElseThrow(() -> DomainProblem.notFound("person", "Your account is not linked to a NISS; contact the fund."));
    }

    @POST
    @Path("/me/requests")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "Ask for a change of address, language, IBAN or category, or a cessation (member)")
    public Response submit(@Valid @NotNull(message = "The request body is required") RequestInput input) {
        MemberRequestEntity r = requests.submit(ownNiss(), input.type(), new MemberRequestService.Content(
                input.address() == null ? null : input.address().toAddress(), input.language(), input.iban(),
                input.category() == null ? null : input.category().toDetails(), input.date(), input.reason()));
        return Response.status(202).entity(Views.RequestView.of(r, requests.read(r.payload))).build();
    }

    @GET
    @Path("/me/requests")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "The member's own requests and their status (paged)")
    public PageView<Views.RequestView> mine(@Valid @BeanParam Paging paging) {
        PanacheQuery<MemberRequestEntity> q = MemberRequestEntity.find("niss", Sort.descending("requestedAt"), ownNiss());
        return paging.list(q, r -> Views.RequestView.of(r, requests.read(r.payload)));
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Members' requests by status, oldest first (agent, paged)")
    public PageView<Views.RequestView> queue(@QueryParam("status") @DefaultValue("PENDING")
                                             @Pattern(regexp = "PENDING|APPROVED|REJECTED", message = "is PENDING, APPROVED or REJECTED") String status,
                                             @Valid @BeanParam Paging paging) {
        PanacheQuery<MemberRequestEntity> q = MemberRequestEntity.find("status", Sort.ascending("requestedAt"), status);
        return paging.list(q, r -> Views.RequestView.of(r, requests.read(r.payload)));
    }

    @POST
    @Path("/requests/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve (and apply) or reject a member's request (agent)")
    public Views.RequestView decide(@PathParam("id") UUID id,
                                    @Valid @NotNull(message = "The request body is required") DecisionInput input) {
        MemberRequestEntity r = requests.decide(id, input.approve(), input.note(), identity.getPrincipal().getName());
        return Views.RequestView.of(r, requests.read(r.payload));
    }
}
