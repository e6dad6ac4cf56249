package be.caisse.contribution.api;

import be.caisse.common.domain.Issue;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.application.ParameterRepository;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.persistence.ParameterYearEntity;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The yearly contribution parameters: read by agents, added or corrected by admins, each figure with its source. */
@Path("/contributions/parameters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parameters")
public class ParameterResource {
    /** The figures of a year and what each may be: amounts in euro, rates and the coefficient as fractions. */
    static final Map<String, BigDecimal[]> FIGURES = new TreeMap<>(Map.ofEntries(
            Map.entry("t1", range("1000", "1000000")), Map.entry("t2", range("1000", "1000000")),
            Map.entry("rate1", range("0.0001", "0.9999")), Map.entry("rate2", range("0.0001", "0.9999")),
            Map.entry("principal.minimumIncome", range("0", "1000000")),
            Map.entry("complementary.threshold", range("0", "1000000")),
            Map.entry("student.threshold", range("0", "1000000")),
            Map.entry("revaluation.coefficient", range("0.5", "2")),
            Map.entry("company.ordinary", range("0", "100000")), Map.entry("company.increased", range("0", "100000")),
            Map.entry("company.balanceSheetThreshold", range("0", "1000000000"))));
    static final Set<String> REQUIRED = Set.of("t1", "t2", "rate1", "rate2", "principal.minimumIncome", "complementary.threshold",
            "student.threshold");

    @Inject
    ParameterRepository parameters;

    @Inject
    AccountService accounts;

    @Inject
    DossierAccess access;

    private static BigDecimal[] range(String min, String max) {
        return new BigDecimal[]{new BigDecimal(min), new BigDecimal(max)};
    }

    /**
     * @param values      figure → value (t1, t2, rate1, rate2, principal.minimumIncome, complementary.threshold,
     *                    student.threshold, revaluation.coefficient, company.ordinary, company.increased,
     *                    company.balanceSheetThreshold)
     * @param sources     figure → where it comes from
     * @param unconfirmed figures not confirmed by an official source
     */
    @Schema(name = "ParameterYear")
    public record ParameterYearView(int year, Map<String, BigDecimal> values, Map<String, String> sources, Set<String> unconfirmed,
                                    String origin, OffsetDateTime changedAt, String changedBy) {
        static ParameterYearView of(ParameterYearEntity row) {
            Properties p = ParameterRepository.read(row.content);
            YearlyParameters y = YearlyParameters.fromProperties(p);
            Map<String, BigDecimal> values = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (FIGURES.containsKey(key)) {
                    values.put(key, new BigDecimal(p.getProperty(key).trim()));
                }
            }
            return new ParameterYearView(row.year, values, y.sources(), y.unconfirmed(), row.origin, row.changedAt, row.changedBy);
        }
    }

    public record ParameterYearInput(@NotEmpty(message = "required") Map<String, BigDecimal> values,
                                     Map<String, @Size(max = 500) String> sources,
                                     @Size(max = 20) Set<String> unconfirmed) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Every year's parameters, with sources and the figures not confirmed, newest first (paged)")
    public PageView<ParameterYearView> all(@Valid @BeanParam Paging paging) {
        return paging.list(ParameterYearEntity.findAll(Sort.descending("year")), ParameterYearView::of);
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One year's parameters")
    public ParameterYearView year(@PathParam("year") @Min(1990) @Max(2100) int year) {
        ParameterYearEntity row = ParameterYearEntity.findById(year);
        if (row == null) {
            throw DomainProblem.notFound("parameters", year);
        }
        return ParameterYearView.of(row);
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a year or correct one (admin); used at once by every computation, and the quarters that could not be computed without it are billed")
    public ParameterYearView save(@PathParam("year") @Min(1990) @Max(2100) int year, @Valid @NotNull ParameterYearInput input) {
        List<Issue> issues = new ArrayList<>();
        input.values().forEach((key, value) -> {
            BigDecimal[] r = FIGURES.get(key);
            if (r == null) {
                issues.add(Issue.field("values." + key, "unknown-figure", String.join(", ", FIGURES.keySet())));
            } else if (value == null) {
                issues.add(Issue.field("values." + key, "required"));
            } else if (value.compareTo(r[0]) < 0 || value.compareTo(r[1]) > 0) {
                issues.add(Issue.field("values." + key, "out-of-range", r[0], r[1]));
            } else if (value.scale() > 8) {
                issues.add(Issue.field("values." + key, "digits", 10, 8));
            }
        });
        for (String key : REQUIRED) {
            if (!input.values().containsKey(key)) {
                issues.add(Issue.field("values." + key, "required"));
            }
        }
        for (Map<String, ?> other : List.of(input.sources() == null ? Map.<String, String>of() : input.sources())) {
            other.keySet().stream().filter(k -> !FIGURES.containsKey(k))
                    .forEach(k -> issues.add(Issue.field("sources." + k, "unknown-figure", String.join(", ", FIGURES.keySet()))));
        }
        if (input.unconfirmed() != null) {
            input.unconfirmed().stream().filter(k -> !FIGURES.containsKey(k))
                    .forEach(k -> issues.add(Issue.field("unconfirmed", "unknown-figure", String.join(", ", FIGURES.keySet()))));
        }
        if (!issues.isEmpty()) {
            throw DomainProblem.invalid(issues);
        }
        Properties p = new Properties();
        input.values().forEach((k, v) -> p.setProperty(k, v.toPlainString()));
        if (input.sources() != null) {
            input.sources().forEach((k, v) -> p.setProperty(k + ".source", v));
        }
        if (input.unconfirmed() != null) {
            input.unconfirmed().forEach(k -> p.setProperty(k + ".confirmed", "false"));
        }
        ParameterYearView saved = ParameterYearView.of(parameters.save(year, p, access.user()));
        accounts.billWhatBecameComputable(year);
        return saved;
    }
}
