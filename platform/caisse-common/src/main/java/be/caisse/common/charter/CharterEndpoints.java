package be.caisse.common.charter;

import be.caisse.common.domain.Issue;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import be.caisse.common.web.Dates;
import be.caisse.common.web.ValidDate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code GET /<service>/charter?from&to} (staff): the service's charter figures for a period, computed from the data
 * when asked, each with its definition. Without a period: the gauges' rolling window ending today. A service's
 * subclass gives the whole address ({@code @Path("/benefits/charter")}).
 */
public abstract class CharterEndpoints {
    /** A charter period covers at most ten years (the statements' limit). */
    static final int MAX_YEARS = 10;

    @Inject
    CharterSource source;

    @Inject
    CharterWatch watch;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @SecurityRequirement(name = "SecurityScheme", scopes = {Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The service charter's figures of this service for a period, each with its definition and target")
    public CharterView charter(
            @Parameter(description = "From this day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31); default: the rolling window's first day",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") @ValidDate String from,
            @Parameter(description = "Up to this day included (yyyy-MM-dd); default: today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") @ValidDate String to) {
        LocalDate end = to == null ? LocalDate.now(clock) : Dates.parse(to, "to");
        LocalDate start = from == null ? watch.windowFrom(end) : Dates.parse(from, "from");
        if (end.isBefore(start)) {
            throw DomainProblem.invalid(List.of(Issue.of("to", "period-invalid", "problem.period-invalid", end, start)));
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw DomainProblem.invalid(List.of(Issue.field("to", "period-too-long")));
        }
        return CharterView.of(source.service(), start, end, OffsetDateTime.now(clock), source.figures(start, end));
    }
}
