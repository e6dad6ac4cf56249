package be.caisse.contribution.api;

import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.Roles;
import be.caisse.contribution.application.ParameterRepository;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.persistence.ParameterYearEntity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The yearly contribution parameters: read by agents, added or corrected by admins, each figure with its source. */
@Path("/contributions/parameters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parameters")
public class ParameterResource {
    @Inject
    ParameterRepository parameters;

    @Inject
    SecurityIdentity identity;

    /**
     * @param values      figure → value (t1, t2, rate1, rate2, principal.minimumIncome, complementary.threshold,
     *                    student.threshold, revaluation.coefficient)
     * @param sources     figure → where it comes from
     * @param unconfirmed figures not confirmed by an official source
     */
    public record ParameterYearView(int year, Map<String, String> values, Map<String, String> sources, Set<String> unconfirmed,
                                    String origin, OffsetDateTime changedAt, String changedBy) {
        static ParameterYearView of(ParameterYearEntity row) {
            Properties p = ParameterRepository.read(row.content);
            YearlyParameters y = YearlyParameters.fromProperties(p);
            Map<String, String> values = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (!key.endsWith(".source") && !key.endsWith(".confirmed") && !key.equals("year")) {
                    values.put(key, p.getProperty(key));
                }
            }
            return new ParameterYearView(row.year, values, y.sources(), y.unconfirmed(), row.origin, row.changedAt, row.changedBy);
        }
    }

    public record ParameterYearInput(@NotEmpty(message = "is required") Map<String, String> values,
                                     Map<String, String> sources, Set<String> unconfirmed) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every year's parameters, with sources and the figures not confirmed")
    public List<ParameterYearView> all() {
        return ParameterYearEntity.<ParameterYearEntity>list("order by year").stream().map(ParameterYearView::of).toList();
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One year's parameters")
    public ParameterYearView year(@PathParam("year") @Min(value = 1990, message = "is 1990 or later") @Max(value = 2100, message = "is not a plausible year") int year) {
        ParameterYearEntity row = ParameterYearEntity.findById(year);
        if (row == null) {
            throw DomainProblem.notFound("parameters", "No parameters are loaded for " + year + ".");
        }
        return ParameterYearView.of(row);
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a year or correct one (admin); used at once by every computation")
    public ParameterYearView save(@PathParam("year") @Min(value = 1990, message = "is 1990 or later") @Max(value = 2100, message = "is not a plausible year") int year,
                                  @Valid @NotNull(message = "The request body is required") ParameterYearInput input) {
        Properties p = new Properties();
        input.values().forEach(p::setProperty);
        if (input.sources() != null) {
            input.sources().forEach((k, v) -> p.setProperty(k + ".source", v));
        }
        if (input.unconfirmed() != null) {
            input.unconfirmed().forEach(k -> p.setProperty(k + ".confirmed", "false"));
        }
        return ParameterYearView.of(parameters.save(year, p, identity.getPrincipal().getName()));
    }
}
