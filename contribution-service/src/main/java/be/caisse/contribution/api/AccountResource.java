package be.caisse.contribution.api;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.time.Quarter;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import be.caisse.contribution.application.AccountService;
import be.caisse.contribution.application.Ledger;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The member's contribution account: what is owed in all, and every quarter of liability with what it is billed,
 * paid and still owed — or why it is not billed (prescribed, not computable yet for lack of the year's figures).
 */
@Path("/contributions/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution accounts")
public class AccountResource {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

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

    @Schema(name = "ContributionAccount")
    public record AccountView(String niss, String category, LocalDate liableFrom, boolean lateRegistration, OffsetDateTime openedAt,
                              @Schema(description = "Contributions, fees and regularisations still owed, all quarters together") BigDecimal outstanding,
                              @Schema(description = "Surcharges still owed") BigDecimal surchargesOutstanding,
                              @Schema(description = "Money of the member not allocated to a debt (waiting for the next one, or under the refund minimum)") BigDecimal credit,
                              @Schema(description = "Quarters of liability that are not billed and why (see the quarters list)") int quartersNotBilled) {
    }

    /** One quarter of liability on the account. */
    @Schema(name = "AccountQuarter")
    public record QuarterLine(String quarter, String category,
                              @Schema(description = "BILLED, CANCELLED (no longer liable, or billed again), PRESCRIBED (not billed: too old), NOT_COMPUTABLE (the year's figures are missing: reason)")
                              String state, String reason, LocalDate dueDate, BigDecimal legalAmount, BigDecimal fee, BigDecimal total,
                              String structuredCommunication, BigDecimal paid, BigDecimal outstanding, BigDecimal surcharges,
                              BigDecimal surchargesOutstanding) {
    }

    @GET
    @Path("/{niss}")
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A contributor's account: what is owed in all; its quarters are listed (paged) under /quarters")
    public AccountView read(@PathParam("niss") @ValidNiss String niss) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "contribution account");
        ContributionAccountEntity account = require(n);
        Map<String, Ledger.PeriodBalance> balances = ledger.balances(n);
        BigDecimal outstanding = balances.values().stream().map(Ledger.PeriodBalance::outstanding).filter(a -> a.signum() > 0)
                .reduce(ZERO, BigDecimal::add);
        BigDecimal surcharges = balances.values().stream().map(Ledger.PeriodBalance::surchargesOutstanding).filter(a -> a.signum() > 0)
                .reduce(ZERO, BigDecimal::add);
        int notBilled = (int) lines(account, balances).stream().filter(l -> l.state().equals("PRESCRIBED") || l.state().equals("NOT_COMPUTABLE")).count();
        return new AccountView(account.niss, account.category.name(), account.liableFrom, account.lateRegistration, account.openedAt,
                outstanding, surcharges, ledger.credit(n), notBilled);
    }

    List<QuarterLine> lines(ContributionAccountEntity account, Map<String, Ledger.PeriodBalance> balances) {
        List<LiabilityPeriodEntity> periods = LiabilityPeriodEntity.of(account.niss);
        Map<String, ContributionQuarterEntity> notices = ContributionQuarterEntity.ofAccount(account.niss).stream()
                .collect(Collectors.toMap(q -> q.quarter, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        List<Quarter> quarters = new ArrayList<>(AccountService.quartersToBill(periods, today));
        notices.keySet().stream().map(Quarter::parse).filter(q -> !quarters.contains(q)).forEach(quarters::add);
        quarters.sort(Comparator.reverseOrder());
        List<QuarterLine> lines = new ArrayList<>(quarters.size());
        for (Quarter q : quarters) {
            ContributionQuarterEntity notice = notices.get(q.toString());
            Ledger.PeriodBalance b = balances.get(q.toString());
            if (notice != null) {
                lines.add(new QuarterLine(q.toString(), notice.basisCategory, notice.cancelledAt == null ? "BILLED" : "CANCELLED", null,
                        notice.dueDate, notice.legalAmount, notice.fee, notice.legalAmount.add(notice.fee),
                        StructuredCommunication.parse(notice.structuredCommunication).formatted(),
                        b == null ? ZERO : b.paid(), b == null ? ZERO : b.outstanding(), b == null ? ZERO : b.surcharges(),
                        b == null ? ZERO : b.surchargesOutstanding()));
                continue;
            }
            LiabilityPeriodEntity period = AccountService.covering(periods, q).orElse(null);
            String category = period == null ? null : period.category.name();
            if (accounts.prescription().isPrescribed(q, today)) {
                lines.add(notBilled(q, category, "PRESCRIBED", language.render(Text.of("note.quarter.prescribed",
                        accounts.prescription().prescribedOn(q)))));
            } else {
                String reason;
                try {
                    accounts.compute(account, q, period.category);
                    reason = language.render(Text.of("note.quarter.next-run"));
                } catch (RuleViolation e) {
                    reason = language.render(e.text());
                }
                lines.add(notBilled(q, category, "NOT_COMPUTABLE", reason));
            }
        }
        return lines;
    }

    private static QuarterLine notBilled(Quarter q, String category, String state, String reason) {
        return new QuarterLine(q.toString(), category, state, reason, q.lastDay(), null, null, null, null, ZERO, ZERO, ZERO, ZERO);
    }

    static ContributionAccountEntity require(String niss) {
        ContributionAccountEntity account = ContributionAccountEntity.findById(niss);
        if (account == null) {
            throw DomainProblem.notFound("account");
        }
        return account;
    }
}
