package be.caisse.contribution.application;

import be.caisse.common.i18n.Text;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.IncomeSource;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionRequestEntity;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Requests about the provisional contributions (REFERENCE.md §2.7, §2.11):
 * <ul>
 * <li>a new estimate of the year's income: one that raises the base is applied at once (an increase can be asked
 * at any time); one that lowers it waits for an agent (a reduction needs objective elements), and the member is
 * warned that a too-low estimate brings surcharges with the regularisation. The category minimum always applies;</li>
 * <li>an exemption (dispense): recorded and tracked; INASTI decides, and its decision is recorded. Only past or
 * current quarters, within 12 months.</li>
 * </ul>
 */
@ApplicationScoped
public class ContributionRequestService {

    /** Who filed a request: the member herself, or an agent on her behalf. */
    public enum Filer { MEMBER, AGENT }

    @Inject
    CareerQuarters careers;

    @Inject
    Clock clock;

    @Inject
    ParameterRepository parameters;

    /** @param warning the warning of a low estimate ({@code warning.low-estimate.<filer>}), or null */
    public record Outcome(ContributionRequestEntity request, BigDecimal currentBase, Text warning) {
    }

    @Transactional
    public Outcome estimate(String niss, int year, BigDecimal income, String motivation, String by, Filer filer) {
        ContributionAccountEntity account = require(niss);
        int thisYear = LocalDate.now(clock).getYear();
        if (year < thisYear || year > thisYear + 1) {
            throw new RuleViolation("estimate-year", thisYear, thisYear + 1).on("year");
        }
        // compared with the base in force for the year (a previous estimate included)
        QuarterComputation current = ProvisionalContribution.compute(new Quarter(year, 4), account.category,
                account.liableFrom, ReferenceIncomeEntity.of(niss), parameters.table());
        BigDecimal currentBase = current.basis().base();
        boolean raise = income.compareTo(currentBase) >= 0;
        ContributionRequestEntity r = newRequest(niss, "ESTIMATE", by, filer);
        r.year = year;
        r.estimatedIncome = income;
        r.motivation = motivation;
        if (raise) {
            r.status = "APPLIED";
            recordEstimate(niss, year, income, by);
        } else {
            if (motivation == null || motivation.isBlank()) {
                throw new RuleViolation("motivation-missing").on("motivation");
            }
            r.status = "PENDING";
        }
        r.persist();
        return new Outcome(r, currentBase, raise ? null : Text.of("warning.low-estimate." + r.filedByRole.toLowerCase()));
    }

    @Inject
    Ledger ledger;

    /**
     * Remise des majorations / kwijtschelding (REFERENCE.md §2.9): asked once the principal of each quarter is paid;
     * INASTI decides, an agent records the decision; granted, the quarter's open surcharges are waived (and any
     * surcharge already paid comes back to the member's credit).
     */
    @Transactional
    public ContributionRequestEntity surchargeWaiver(String niss, List<Quarter> quarters, String motivation, String by, Filer filer) {
        require(niss);
        var balances = ledger.balances(niss);
        for (Quarter q : quarters) {
            Ledger.PeriodBalance b = balances.get(q.toString());
            if (b == null || b.surcharges().signum() == 0) {
                throw new RuleViolation("no-surcharge", q.toString()).on("quarters");
            }
            if (b.outstanding().signum() > 0) {
                throw new RuleViolation("principal-unpaid", q.toString(), b.outstanding()).on("quarters");
            }
        }
        ContributionRequestEntity r = newRequest(niss, "SURCHARGE_WAIVER", by, filer);
        r.quarters = quarters.stream().map(Quarter::toString).sorted().collect(Collectors.joining(","));
        r.motivation = motivation;
        r.status = "PENDING_INASTI";
        r.persist();
        return r;
    }

    @Transactional
    public ContributionRequestEntity exemption(String niss, List<Quarter> quarters, String motivation, String by, Filer filer) {
        require(niss);
        LocalDate today = LocalDate.now(clock);
        Quarter now = Quarter.of(today);
        for (Quarter q : quarters) {
            if (q.compareTo(now) > 0) {
                throw new RuleViolation("exemption-future-quarter", q.toString()).on("quarters");
            }
            if (q.lastDay().plusMonths(12).isBefore(today)) {
                throw new RuleViolation("exemption-too-late", q.toString()).on("quarters");
            }
        }
        ContributionRequestEntity r = newRequest(niss, "EXEMPTION", by, filer);
        r.quarters = quarters.stream().map(Quarter::toString).sorted().collect(Collectors.joining(","));
        r.motivation = motivation;
        r.status = "PENDING_INASTI";
        r.persist();
        return r;
    }

    /** An agent's decision on a reduction, or INASTI's decision on an exemption as recorded by an agent. */
    @Transactional
    public ContributionRequestEntity decide(UUID id, boolean approve, String note, String by) {
        ContributionRequestEntity r = ContributionRequestEntity.findById(id);
        if (r == null) {
            throw DomainProblem.notFound("request");
        }
        switch (r.status) {
            case "PENDING" -> {
                if (by.equals(r.createdBy)) {
                    throw new DomainProblem(403, "four-eyes"); // the agent who filed a reduction does not approve it
                }
                r.status = approve ? "APPROVED" : "REJECTED";
                if (approve) {
                    recordEstimate(r.niss, r.year, r.estimatedIncome, by);
                }
            }
            case "PENDING_INASTI" -> {
                r.status = approve ? "GRANTED" : "REFUSED";
                if (approve && "SURCHARGE_WAIVER".equals(r.type)) {
                    waive(r);
                }
                if (approve && "EXEMPTION".equals(r.type) && r.quarters != null) {
                    // a dispensation granted: those quarters are DISPENSED in the career INASTI is told
                    careers.refresh(r.niss, java.util.Arrays.stream(r.quarters.split(",")).map(q -> Integer.parseInt(q.substring(0, 4)))
                            .collect(java.util.stream.Collectors.toSet()));
                }
            }
            default -> throw DomainProblem.conflict("request-decided", "@request-status." + r.status);
        }
        r.decidedBy = by;
        r.decidedAt = OffsetDateTime.now(clock);
        r.decisionNote = note;
        return r;
    }

    private void waive(ContributionRequestEntity r) {
        LocalDate today = LocalDate.now(clock);
        var balances = ledger.balances(r.niss);
        for (String q : r.quarters.split(",")) {
            Ledger.PeriodBalance b = balances.get(q);
            if (b != null && b.surcharges().subtract(b.waived()).signum() > 0) {
                ledger.book(r.niss, q, be.caisse.contribution.domain.LedgerKind.WAIVER, be.caisse.contribution.domain.LedgerComponent.SURCHARGE,
                        b.surcharges().subtract(b.waived()).negate(), null, today, null, "WAIVE:" + q + ":" + r.id,
                        Text.of("ledger.waiver", q));
            }
        }
        ledger.receive(r.niss, BigDecimal.ZERO.setScale(2), today, null, null);
    }

    private void recordEstimate(String niss, int year, BigDecimal income, String by) {
        ReferenceIncomeEntity e = ReferenceIncomeEntity.find("niss = ?1 and year = ?2 and source = ?3", niss, year, IncomeSource.DECLARED).firstResult();
        if (e == null) {
            e = new ReferenceIncomeEntity();
            e.niss = niss;
            e.year = year;
            e.source = IncomeSource.DECLARED;
        }
        e.amount = income;
        e.recordedAt = OffsetDateTime.now(clock);
        e.recordedBy = by;
        e.persist();
    }

    private ContributionRequestEntity newRequest(String niss, String type, String by, Filer filer) {
        ContributionRequestEntity r = new ContributionRequestEntity();
        r.id = UUID.randomUUID();
        r.niss = niss;
        r.type = type;
        r.createdAt = OffsetDateTime.now(clock);
        r.createdBy = by;
        r.filedByRole = filer.name();
        return r;
    }

    private static ContributionAccountEntity require(String niss) {
        ContributionAccountEntity a = ContributionAccountEntity.findById(niss);
        if (a == null) {
            throw DomainProblem.notFound("account");
        }
        return a;
    }
}
