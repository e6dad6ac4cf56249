package be.caisse.contribution.api;

import be.caisse.common.identifiers.EnterpriseNumber;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.security.Roles;
import be.caisse.contribution.application.CompanyContributionService;
import be.caisse.contribution.application.Ledger;
import be.caisse.contribution.persistence.CompanyAccountEntity;
import be.caisse.contribution.persistence.CompanyContributionEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The annual company contribution: the yearly call, and a company's contributions with who is jointly liable. */
@Path("/contributions/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
public class CompanyResource {
    @Inject
    CompanyContributionService companies;

    @Inject
    Ledger ledger;

    public record ContributionView(int year, String bracket, BigDecimal amount, BigDecimal balanceSheetTotal, LocalDate dueDate,
                                   String structuredCommunication, String rule, BigDecimal paid, BigDecimal outstanding,
                                   boolean cancelled, List<String> jointlyLiable) {
    }

    public record CompanyView(String enterpriseNumber, String name, LocalDate incorporationDate, LocalDate ceasedOn,
                              java.util.Map<Integer, BigDecimal> balanceSheetTotals, List<String> directorsThisYear,
                              List<ContributionView> contributions) {
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    java.time.Clock clock;

    @POST
    @Path("/runs/{year}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Call the annual company contribution of a year for every company without one (idempotent)")
    public CompanyContributionService.RunResult run(@PathParam("year") @Min(value = 2024, message = "is 2024 or later")
                                                    @Max(value = 2100, message = "is not a plausible year") int year) {
        return companies.run(year);
    }

    @GET
    @Path("/{enterpriseNumber}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A company's annual contributions, what is paid and open, and the directors jointly liable")
    @SuppressWarnings("unchecked")
    public CompanyView read(@PathParam("enterpriseNumber") String enterpriseNumber) {
        String kbo = EnterpriseNumber.parse(enterpriseNumber).value();
        CompanyAccountEntity c = CompanyContributionService.find(kbo);
        var balances = ledger.balances(kbo);
        List<ContributionView> contributions = CompanyContributionEntity.<CompanyContributionEntity>list("enterpriseNumber = ?1 order by year", kbo)
                .stream().map(k -> {
                    Ledger.PeriodBalance b = balances.get(String.valueOf(k.year));
                    return new ContributionView(k.year, k.bracket, k.amount, k.balanceSheetTotal, k.dueDate,
                            StructuredCommunication.parse(k.structuredCommunication).formatted(), k.rule,
                            b == null ? BigDecimal.ZERO.setScale(2) : b.paid(), b == null ? k.amount : b.outstanding(),
                            k.cancelledAt != null, companies.jointlyLiable(kbo, k.year));
                }).toList();
        java.util.Map<Integer, BigDecimal> sheets = new java.util.TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT financial_year, total FROM company_balance_sheet WHERE enterprise_number = :k")
                .setParameter("k", kbo).getResultList()) {
            sheets.put(((Number) r[0]).intValue(), (BigDecimal) r[1]);
        }
        return new CompanyView(kbo, c.name, c.incorporationDate, c.ceasedOn, sheets,
                companies.jointlyLiable(kbo, LocalDate.now(clock).getYear()), contributions);
    }
}
