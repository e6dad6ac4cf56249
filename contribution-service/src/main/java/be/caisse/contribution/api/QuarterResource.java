package be.caisse.contribution.api;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.RequestLanguage;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.application.Ledger;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contributions/accounts/{niss}/quarters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarters")
public class QuarterResource {
    @Inject
    DossierAccess access;

    @Inject
    AccountService accounts;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    RequestLanguage language;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    /** What a quarter's contribution was computed from. */
    @Schema(name = "QuarterBasis")
    public record Basis(String category, BigDecimal income, Integer incomeYear, String incomeSource, BigDecimal coefficient,
                        BigDecimal base, int parameterYear, @Schema(description = "The rule applied, in the reader's language") String rule) {
    }

    @Schema(name = "Quarter")
    public record QuarterView(String quarter,
                              @Schema(description = "Whether a period of liability covers the quarter; if not, nothing else is given") boolean liable,
                              @Schema(description = "BILLED (a notice was issued), CANCELLED, COMPUTED (not billed yet: what it would be), PRESCRIBED, NOT_COMPUTABLE (reason)") String state,
                              String reason, BigDecimal legalAmount, BigDecimal fee, BigDecimal total, String currency,
                              LocalDate dueDate, String structuredCommunication, BigDecimal paid, BigDecimal outstanding,
                              boolean noticeIssued, Basis basis, Definitive definitive, BigDecimal surcharges,
                              BigDecimal surchargesOutstanding) {
    }

    /** The definitive contribution once the year's tax income is known, and the regularisation it gave. */
    @Schema(name = "QuarterDefinitive")
    public record Definitive(BigDecimal legalAmount, BigDecimal fee, BigDecimal regularisation, OffsetDateTime computedAt) {
    }

    @Inject
    AccountResource accountResource;

    @GET
    @Operation(summary = "Every quarter of liability, newest first, with what is billed, paid and owed, or why it is not billed (paged)")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public be.caisse.common.web.PageView<AccountResource.QuarterLine> list(@PathParam("niss") @ValidNiss String niss,
                                                                          @jakarta.validation.Valid @jakarta.ws.rs.BeanParam be.caisse.common.web.Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution quarters");
        ContributionAccountEntity account = AccountResource.require(n);
        return paging.list(accountResource.lines(account, ledger.balances(n)), java.util.function.Function.identity());
    }

    @GET
    @Path("/{quarter}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A quarter's contribution and why it is what it is; computed on demand while no notice was issued; liable false outside liability")
    public QuarterView read(@PathParam("niss") @ValidNiss String niss,
                            @PathParam("quarter") @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "quarter") String quarter) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution quarter");
        ContributionAccountEntity account = AccountResource.require(n);
        Quarter q = Quarter.parse(quarter);
        ContributionQuarterEntity notice = ContributionQuarterEntity.find("niss = ?1 and quarter = ?2", n, q.toString()).firstResult();
        Ledger.PeriodBalance b = ledger.balance(n, q.toString());
        LiabilityPeriodEntity period = AccountService.covering(LiabilityPeriodEntity.of(n), q).orElse(null);
        if (notice != null) {
            BigDecimal total = notice.legalAmount.add(notice.fee);
            Definitive definitive = notice.definitiveAmount == null ? null : new Definitive(notice.definitiveAmount, notice.definitiveFee,
                    notice.definitiveAmount.add(notice.definitiveFee).subtract(total), notice.regularisedAt);
            return new QuarterView(notice.quarter, period != null, notice.cancelledAt == null ? "BILLED" : "CANCELLED", null, notice.legalAmount,
                    notice.fee, total, "EUR", notice.dueDate, StructuredCommunication.parse(notice.structuredCommunication).formatted(),
                    b.paid(), b.outstanding(), true,
                    new Basis(notice.basisCategory, notice.basisReferenceIncome, notice.basisIncomeYear, notice.basisIncomeSource,
                            notice.basisCoefficient, notice.basisIncome, notice.basisParameterYear,
                            language.render(Text.decode(notice.basisRule))), definitive, b.surcharges(), b.surchargesOutstanding());
        }
        if (period == null) {
            return new QuarterView(q.toString(), false, null, null, null, null, null, null, null, null, null, null, false, null,
                    null, null, null);
        }
        LocalDate today = LocalDate.now(clock);
        if (accounts.prescription().isPrescribed(q, today)) {
            return notBilled(q, "PRESCRIBED", language.render(Text.of("note.quarter.prescribed", accounts.prescription().prescribedOn(q))));
        }
        QuarterComputation c;
        try {
            c = accounts.compute(account, q, period.category);
        } catch (RuleViolation e) {
            return notBilled(q, "NOT_COMPUTABLE", language.render(e.text()));
        }
        BigDecimal fee = ContributionFormula.fee(c.legalAmount(), feeRate);
        BigDecimal total = c.legalAmount().add(fee);
        return new QuarterView(q.toString(), true, "COMPUTED", null, c.legalAmount(), fee, total, "EUR", q.lastDay(), null, b.paid(),
                total.subtract(b.paid()), false,
                new Basis(period.category.name(), c.basis().income(), c.basis().incomeYear(), c.basis().incomeSource(),
                        c.basis().coefficient(), c.basis().base(), c.basis().parameterYear(), language.render(c.basis().rule())),
                null, null, null);
    }

    private static QuarterView notBilled(Quarter q, String state, String reason) {
        return new QuarterView(q.toString(), true, state, reason, null, null, null, "EUR", q.lastDay(), null, null, null, false, null,
                null, null, null);
    }
}
