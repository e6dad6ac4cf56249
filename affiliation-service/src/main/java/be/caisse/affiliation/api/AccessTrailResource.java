package be.caisse.affiliation.api;

import be.caisse.affiliation.persistence.AccessTrailEntity;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.Dates;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.ValidDate;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who saw what: the member reads who at the fund (or at her insurer) consulted her dossier; the data protection
 * officer searches the whole trail. The trail itself is append-only (the database refuses changes).
 */
@Path("/affiliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access trail")
public class AccessTrailResource {
    @Inject
    DossierAccess access;

    @Schema(name = "AccessLogEntry", description = "One read of the member's data")
    public record MemberEntry(OffsetDateTime at,
                              @Schema(description = "Who: the agent's user name, or the partner's account (mutuality-<code>)") String who,
                              @Schema(description = "STAFF, PARTNER or DPO (the fund's data protection officer), MEMBER (her own export)") String kind,
                              @Schema(description = "Which data, e.g. contribution account") String data,
                              @Schema(description = "Which service held it") String service,
                              @Schema(description = "Why, when the agent's screen said it") String purpose) {
    }

    @Schema(name = "AccessTrailEntry", description = "One read of a person's data, as the DPO searches it")
    public record TrailEntry(String niss, OffsetDateTime at, String actor, String actorKind, String data, String service,
                             @Schema(description = "Method and address, the NISS in it replaced by {niss}") String route,
                             String purpose, String requestId) {
    }

    @GET
    @Path("/me/access-log")
    @RolesAllowed(Roles.AFFILIATE)
    @Operation(summary = "Who consulted the member's dossier and when (newest first, paged)")
    public PageView<MemberEntry> mine(@Valid @BeanParam Paging paging) {
        String niss = access.ownNiss().orElseThrow(() -> DomainProblem.notFound("own-niss"));
        PanacheQuery<AccessTrailEntity> q = AccessTrailEntity.find("niss = ?1 and actorKind <> 'MEMBER'",
                Sort.descending("accessedAt").and("eventId"), niss);
        return paging.list(q, e -> new MemberEntry(e.accessedAt, e.actor, e.actorKind, e.data, e.service, e.purpose));
    }

    @GET
    @Path("/access-trail")
    @RolesAllowed({Roles.DPO, Roles.ADMIN})
    @Operation(summary = "Search the access trail (DPO): by person, by who read, by service and by day (newest first, paged)")
    public PageView<TrailEntry> search(@QueryParam("niss") @ValidNiss String niss,
                                       @QueryParam("actor") @Size(min = 1, max = 100, message = "actor") String actor,
                                       @QueryParam("service") @Pattern(regexp = "affiliation-service|contribution-service|benefits-service|recovery-service",
                                               message = "service") String service,
                                       @Parameter(description = "From this day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @Schema(type = SchemaType.STRING, format = "date"))
                                       @QueryParam("from") @ValidDate String from,
                                       @Parameter(description = "Up to this day included (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @Schema(type = SchemaType.STRING, format = "date"))
                                       @QueryParam("to") @ValidDate String to,
                                       @Valid @BeanParam Paging paging) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (niss != null) {
            String n = Niss.parse(niss).value();
            where.add("niss = :niss");
            params.and("niss", n);
            // the DPO's search of one person is itself a read of her data
            access.checkCanRead(n, "access trail");
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.and("actor", actor);
        }
        if (service != null) {
            where.add("service = :service");
            params.and("service", service);
        }
        if (from != null) {
            where.add("accessedAt >= :from");
            params.and("from", Dates.parse(from, "from").atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.add("accessedAt < :to");
            params.and("to", Dates.parse(to, "to").plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        Sort sort = Sort.descending("accessedAt").and("eventId");
        PanacheQuery<AccessTrailEntity> q = where.isEmpty() ? AccessTrailEntity.findAll(sort)
                : AccessTrailEntity.find(String.join(" and ", where), sort, params);
        return paging.list(q, e -> new TrailEntry(e.niss, e.accessedAt, e.actor, e.actorKind, e.data, e.service, e.route, e.purpose,
                e.requestId));
    }
}
