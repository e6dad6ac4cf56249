package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.application.ContributionRequestService;
import be.caisse.contribution.persistence.ContributionRequestEntity;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents' side of the members' contribution requests. */
@Path("/contributions/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Member requests")
public class ContributionRequestQueueResource {
    @Inject
    ContributionRequestService requests;

    @Inject
    SecurityIdentity identity;

    public record DecisionInput(@NotNull(message = "is required") Boolean approve,
                                @Size(max = 400, message = "has at most 400 characters") String note) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Requests waiting for a decision, oldest first (paged)")
    public PageView<ContributionRequestResource.RequestView> queue(@QueryParam("status") @DefaultValue("PENDING")
                                       @Pattern(regexp = "PENDING|PENDING_INASTI", message = "is PENDING or PENDING_INASTI") String status,
                                       @Valid @BeanParam Paging paging) {
        PanacheQuery<ContributionRequestEntity> q = ContributionRequestEntity.find("status", Sort.ascending("createdAt"), status);
        return paging.list(q, ContributionRequestResource.RequestView::of);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve or reject a reduction; record INASTI's decision on an exemption")
    public ContributionRequestResource.RequestView decide(@PathParam("id") UUID id, @Valid @NotNull(message = "The request body is required") DecisionInput input) {
        return ContributionRequestResource.RequestView.of(requests.decide(id, input.approve(), input.note(), identity.getPrincipal().getName()));
    }
}
