package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.ParameterRepository;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import be.caisse.contribution.application.Ledger;
import be.caisse.common.domain.RuleViolation;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/accounts/{niss}/quarters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarters")
public class QuarterResource {
    @Inject
    DossierAccess access;

    @Inject
    ParameterRepository parameters;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basis(String category, BigDecimal income, Integer incomeYear, String incomeSource, BigDecimal coefficient,
                        BigDecimal base, int parameterYear, String rule) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuarterView(String quarter, BigDecimal legalAmount, BigDecimal fee, BigDecimal total, String currency,
                              LocalDate dueDate, String structuredCommunication, BigDecimal paid, BigDecimal outstanding,
                              boolean noticeIssued, Basis basis, Definitive definitive, BigDecimal surcharges,
                              BigDecimal surchargesOutstanding, Boolean cancelled) {
    }

    /** The definitive contribution once the year's tax income is known, and the regularisation it gave. */
    public record Definitive(BigDecimal legalAmount, BigDecimal fee, BigDecimal regularisation, java.time.OffsetDateTime computedAt) {
    }

    @Inject
    Ledger ledger;

    @GET
    @Path("/{quarter}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A quarter's contribution and why it is what it is; computed on demand while no notice was issued")
    public QuarterView read(@PathParam("niss") @ValidNiss String niss,
                            @PathParam("quarter") @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "is a quarter like 2026-Q1") String quarter) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution quarter");
        ContributionAccountEntity account = ContributionAccountEntity.findById(n);
        if (account == null) {
            throw DomainProblem.notFound("account", "No contribution account is open for this NISS (yet).");
        }
        Quarter q = Quarter.parse(quarter);
        ContributionQuarterEntity notice = ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", n, q.toString()).firstResult();
        Ledger.PeriodBalance b = ledger.balance(n, q.toString());
        if (notice != null) {
            BigDecimal total = notice.legalAmount.add(notice.fee);
            Definitive definitive = notice.definitiveAmount == null ? null : new Definitive(notice.definitiveAmount, notice.definitiveFee,
                    notice.definitiveAmount.add(notice.definitiveFee).subtract(total), notice.regularisedAt);
            return new QuarterView(notice.quarter, notice.legalAmount, notice.fee, total, "EUR", notice.dueDate,
                    StructuredCommunication.parse(notice.structuredCommunication).formatted(), b.paid(), b.outstanding(), true,
                    new Basis(notice.basisCategory, notice.basisReferenceIncome, notice.basisIncomeYear, notice.basisIncomeSource,
                            notice.basisCoefficient, notice.basisIncome,
                            notice.basisParameterYear, notice.basisRule), definitive, b.surcharges(), b.surchargesOutstanding(),
                    notice.cancelledAt != null ? Boolean.TRUE : null);
        }
        LiabilityPeriodEntity period = LiabilityPeriodEntity.covering(n, q.firstDay(), q.lastDay())
                .orElseThrow(() -> new RuleViolation("not-liable", "No contribution is due for " + q + ": no period of liability covers it."));
        QuarterComputation c = ProvisionalContribution.compute(q, period.category, account.liableFrom,
                ReferenceIncomeEntity.of(n), parameters.table());
        BigDecimal fee = ContributionFormula.fee(c.legalAmount(), feeRate);
        BigDecimal total = c.legalAmount().add(fee);
        return new QuarterView(q.toString(), c.legalAmount(), fee, total, "EUR", q.lastDay(), null, b.paid(), total.subtract(b.paid()), false,
                new Basis(period.category.name(), c.basis().income(), c.basis().incomeYear(), c.basis().incomeSource(),
                        c.basis().coefficient(), c.basis().base(), c.basis().parameterYear(), c.basis().rule()), null, null, null, null);
    }
}
