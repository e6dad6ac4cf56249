package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.QuarterlyRunService;
import be.caisse.contribution.persistence.NoticeRunEntity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quarterly call runs: start one, follow it. */
@Path("/contributions/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarterly call runs")
public class RunResource {
    @Inject
    QuarterlyRunService runs;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "QuarterlyRun")
    public record RunView(String quarter, String status, int total, int done, int skipped, BigDecimal perSecond,
                          OffsetDateTime startedAt, OffsetDateTime finishedAt, String lastError) {
        static RunView of(NoticeRunEntity r, Clock clock) {
            OffsetDateTime end = r.finishedAt == null ? OffsetDateTime.now(clock) : r.finishedAt;
            double seconds = Math.max(0.001, Duration.between(r.startedAt, end).toMillis() / 1000.0);
            return new RunView(r.quarter, r.status, r.total, r.done, r.skipped,
                    BigDecimal.valueOf(r.done).divide(BigDecimal.valueOf(seconds), 1, java.math.RoundingMode.HALF_UP),
                    r.startedAt, r.finishedAt, r.lastError);
        }
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The call runs started, newest quarter first (paged)")
    public be.caisse.common.web.PageView<RunView> list(@jakarta.validation.Valid @jakarta.ws.rs.BeanParam be.caisse.common.web.Paging paging) {
        return paging.list(NoticeRunEntity.findAll(io.quarkus.panache.common.Sort.descending("quarter")), (NoticeRunEntity r) -> RunView.of(r, clock));
    }

    @POST
    @Path("/{quarter}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Start (or resume) the call run of a quarter: a notice for every liable contributor; idempotent; follow it with GET")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "Started (or already complete)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = RunView.class)))
    public Response start(@PathParam("quarter") @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "quarter") String quarter) {
        NoticeRunEntity r = runs.start(Quarter.parse(quarter), identity.getPrincipal().getName());
        return Response.accepted(RunView.of(r, clock)).build();
    }

    @GET
    @Path("/{quarter}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The progress of a quarter's call run: done, total, rate")
    public RunView progress(@PathParam("quarter") @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "quarter") String quarter) {
        return RunView.of(runs.progress(Quarter.parse(quarter)), clock);
    }
}
