package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.Dates;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.ValidDate;
import be.caisse.contribution.application.ContributionRequestService;
import be.caisse.contribution.persistence.ContributionRequestEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents' side of the members' contribution requests: a queue to work, filtered, and the decisions. */
@Path("/contributions/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution requests")
public class ContributionRequestQueueResource {
    @Inject
    ContributionRequestService requests;

    @Inject
    DossierAccess access;

    public record DecisionInput(@NotNull(message = "required") Boolean approve, @Size(max = 400) String note) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The requests: by status (ALL for every one, decided ones too), type, member and filing dates; oldest first (paged)")
    public PageView<ContributionRequestResource.RequestView> queue(
            @QueryParam("status") @DefaultValue("PENDING")
            @Pattern(regexp = "PENDING|PENDING_INASTI|APPLIED|APPROVED|REJECTED|GRANTED|REFUSED|ALL", message = "contribution-request-status") String status,
            @QueryParam("type") @Pattern(regexp = "ESTIMATE|EXEMPTION|SURCHARGE_WAIVER", message = "contribution-request-type") String type,
            @QueryParam("niss") @ValidNiss String niss,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "From this day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("from") @ValidDate String from,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Up to this day included (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("to") @ValidDate String to,
            @Valid @BeanParam Paging paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!"ALL".equals(status)) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (niss != null) {
            where.add("niss = :niss");
            params.and("niss", Niss.parse(niss).value());
        }
        if (from != null) {
            where.add("createdAt >= :from");
            params.and("from", Dates.parse(from, "from").atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("createdAt < :to");
            params.and("to", Dates.parse(to, "to").plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        Sort sort = Sort.ascending("createdAt").and("id");
        PanacheQuery<ContributionRequestEntity> q = where.isEmpty() ? ContributionRequestEntity.findAll(sort)
                : ContributionRequestEntity.find(String.join(" and ", where), sort, params);
        return paging.list(q, ContributionRequestResource::view);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve or reject a reduction (not the agent who filed it); record INASTI's decision on an exemption or a remission")
    public ContributionRequestResource.RequestView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionInput input) {
        return ContributionRequestResource.view(requests.decide(id, input.approve(), input.note(), access.user()));
    }

}
