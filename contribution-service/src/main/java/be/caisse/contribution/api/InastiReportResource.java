package be.caisse.contribution.api;

import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.InastiStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The statistics INASTI asks of the fund for a quarter (charter: the fund answers INASTI's requests for statistics
 * correctly, completely and in time), as JSON or as CSV ({@code Accept: text/csv}) for the authority's own tools.
 */
@Path("/contributions/reports/inasti")
@Tag(name = "Reports")
public class InastiReportResource {
    static final String CSV = "text/csv";

    @Inject
    InastiStatistics statistics;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    java.time.Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Transactional
    @Operation(summary = "INASTI's statistics of a quarter, computed from the data, each figure with its definition (JSON or CSV)")
    @APIResponse(responseCode = "200", description = "The quarter's figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InastiStatistics.Report.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "section;key;category;sex;value;unit;definition"))})
    public Response report(@QueryParam("quarter") @NotNull(message = "required")
                           @Pattern(regexp = "(19[5-9][0-9]|20[0-9]{2})-Q[1-4]", message = "quarter") String quarter,
                           @jakarta.ws.rs.core.Context HttpHeaders headers) {
        InastiStatistics.Report report = statistics.report(Quarter.parse(quarter));
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf(CSV)) && !m.isWildcardType());
        // kept for the charter figure of the reports answered in time
        em.createNativeQuery("INSERT INTO authority_report (authority, quarter, produced_at, produced_by, format) VALUES ('INASTI', ?1, ?2, ?3, ?4)")
                .setParameter(1, report.quarter()).setParameter(2, java.time.OffsetDateTime.now(clock))
                .setParameter(3, identity.getPrincipal().getName()).setParameter(4, csv ? "CSV" : "JSON").executeUpdate();
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        StringBuilder out = new StringBuilder("section;key;category;sex;value;unit;definition\r\n");
        for (InastiStatistics.Affiliates a : report.affiliates()) {
            out.append("affiliates;affiliates;").append(a.category()).append(';').append(a.sex()).append(';').append(a.count())
                    .append(";count;persons liable on ").append(report.to()).append("\r\n");
        }
        for (InastiStatistics.Figure f : report.figures()) {
            out.append("figures;").append(f.key()).append(";;;").append((f.value() instanceof java.math.BigDecimal d ? d.toPlainString() : f.value().toString())).append(';').append(f.unit()).append(';')
                    .append(f.definition().replace(';', ',')).append("\r\n");
        }
        return Response.ok(out.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"inasti-" + report.quarter() + ".csv\"").build();
    }
}
