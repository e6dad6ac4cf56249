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
public class CompanyContributionResource {
    @Inject
    CompanyContributionService companies;

    @Inject
    Ledger ledger;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CompanyContribution")
    public record ContributionView(int year, String bracket, BigDecimal amount, BigDecimal balanceSheetTotal, LocalDate dueDate,
                                   String structuredCommunication, String rule, BigDecimal paid, BigDecimal outstanding,
                                   boolean cancelled, List<String> jointlyLiable) {
    }

    /** A company as contribution-service knows it; its contributions are a list of their own (paged). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CompanyContributionAccount")
    public record CompanyView(String enterpriseNumber, String name, LocalDate incorporationDate, LocalDate ceasedOn,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The directors jointly liable this year") List<String> directorsThisYear,
                              BigDecimal outstanding) {
    }

    @Inject
    java.time.Clock clock;

    @Inject
    be.caisse.common.web.RequestLanguage language;

    @POST
    @Path("/runs/{year}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Call the annual company contribution of a year for every company without one (idempotent)")
    public CompanyContributionService.RunResult run(@PathParam("year") @Min(2024) @Max(2100) int year) {
        return companies.run(year);
    }

    @GET
    @Path("/{enterpriseNumber}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A company's account: what is open, and the directors jointly liable this year")
    public CompanyView read(@PathParam("enterpriseNumber") @be.caisse.common.identifiers.ValidEnterpriseNumber String enterpriseNumber) {
        String kbo = EnterpriseNumber.parse(enterpriseNumber).value();
        CompanyAccountEntity c = CompanyContributionService.find(kbo);
        BigDecimal outstanding = ledger.balances(kbo).values().stream().map(Ledger.PeriodBalance::outstanding)
                .filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new CompanyView(kbo, c.name, c.incorporationDate, c.ceasedOn,
                companies.jointlyLiable(kbo, LocalDate.now(clock).getYear()), outstanding);
    }

    @GET
    @Path("/{enterpriseNumber}/contributions")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The company's annual contributions, newest first: what is paid and open, and who is jointly liable (paged)")
    public be.caisse.common.web.PageView<ContributionView> contributions(@PathParam("enterpriseNumber") @be.caisse.common.identifiers.ValidEnterpriseNumber String enterpriseNumber,
                                                                         @jakarta.validation.Valid @jakarta.ws.rs.BeanParam be.caisse.common.web.Paging paging) {
        String kbo = EnterpriseNumber.parse(enterpriseNumber).value();
        CompanyContributionService.find(kbo);
        var balances = ledger.balances(kbo);
        return paging.list(CompanyContributionEntity.find("enterpriseNumber", io.quarkus.panache.common.Sort.descending("year"), kbo),
                (CompanyContributionEntity k) -> {
                    Ledger.PeriodBalance b = balances.get(String.valueOf(k.year));
                    return new ContributionView(k.year, k.bracket, k.amount, k.balanceSheetTotal, k.dueDate,
                            StructuredCommunication.parse(k.structuredCommunication).formatted(),
                            language.render(be.caisse.common.i18n.Text.decode(k.rule)),
                            b == null ? BigDecimal.ZERO.setScale(2) : b.paid(), b == null ? k.amount : b.outstanding(),
                            k.cancelledAt != null, companies.jointlyLiable(kbo, k.year));
                });
    }
}
