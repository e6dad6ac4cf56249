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
import be.caisse.contribution.persistence.PaymentEntity;
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
                              boolean noticeIssued, Basis basis) {
    }

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
        BigDecimal paid = PaymentEntity.paidFor(n, q.toString());
        if (notice != null) {
            BigDecimal total = notice.legalAmount.add(notice.fee);
            return new QuarterView(notice.quarter, notice.legalAmount, notice.fee, total, "EUR", notice.dueDate,
                    StructuredCommunication.parse(notice.structuredCommunication).formatted(), paid, total.subtract(paid), true,
                    new Basis(notice.basisCategory, null, null, notice.basisIncomeSource, null, notice.basisIncome,
                            notice.basisParameterYear, notice.basisRule));
        }
        QuarterComputation c = ProvisionalContribution.compute(q, account.category, account.liableFrom,
                ReferenceIncomeEntity.of(n), parameters.table());
        BigDecimal fee = ContributionFormula.fee(c.legalAmount(), feeRate);
        BigDecimal total = c.legalAmount().add(fee);
        return new QuarterView(q.toString(), c.legalAmount(), fee, total, "EUR", q.lastDay(), null, paid, total.subtract(paid), false,
                new Basis(account.category.name(), c.basis().income(), c.basis().incomeYear(), c.basis().incomeSource(),
                        c.basis().coefficient(), c.basis().base(), c.basis().parameterYear(), c.basis().rule()));
    }
}
