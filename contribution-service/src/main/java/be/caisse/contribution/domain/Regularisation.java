package be.caisse.contribution.domain;

import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Régularisation / regularisatie (REFERENCE.md §2.1, §2.8): when the tax administration's income of year N is known,
 * each quarter of N is computed again on that income — the definitive contribution — with the parameters of N and
 * the quarter's category. The difference with what was called (and any earlier regularisation) is a supplement,
 * due by the last day of the quarter after the computation, or a refund.
 *
 * <p>When the person was liable for only part of N, the income is converted to a yearly basis (× 4 / liable
 * quarters), as for the provisional contribution. Recording the same income again changes nothing; a corrected
 * income regularises only the difference.
 */
public final class Regularisation {
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private Regularisation() {
    }

    /** A quarter of N as it stands: what was called, and what earlier regularisations already changed. */
    public record CalledQuarter(Quarter quarter, ContributorCategory category, BigDecimal legalAmount, BigDecimal fee,
                                BigDecimal regularisedLegal, BigDecimal regularisedFee) {
    }

    public record Line(Quarter quarter, ContributorCategory category, BigDecimal called, BigDecimal definitive,
                       BigDecimal definitiveFee, BigDecimal legalDifference, BigDecimal feeDifference) {
        public BigDecimal difference() {
            return legalDifference.add(feeDifference);
        }
    }

    /**
     * @param dueDate the supplement's due date (null when nothing is to pay)
     */
    public record Result(int year, BigDecimal income, BigDecimal yearlyBase, List<Line> lines, BigDecimal total,
                         LocalDate dueDate) {
    }

    public static Result compute(int year, BigDecimal income, List<CalledQuarter> quarters, YearlyParameters p,
                                 BigDecimal feeRate, LocalDate computedOn) {
        return compute(year, income, quarters, quarters.size(), p, feeRate, computedOn);
    }

    /** @param liableQuarters the quarters of the year in which the person was liable (the income was earned in them) */
    public static Result compute(int year, BigDecimal income, List<CalledQuarter> quarters, int liableQuarters, YearlyParameters p,
                                 BigDecimal feeRate, LocalDate computedOn) {
        if (p.year() != year) {
            throw new IllegalArgumentException("Parameters of " + p.year() + " given for " + year);
        }
        if (quarters.isEmpty()) {
            return new Result(year, income, income, List.of(), BigDecimal.ZERO.setScale(2), null);
        }
        int active = Math.max(1, Math.min(4, Math.max(liableQuarters, quarters.size())));
        BigDecimal base = active >= 4 ? income
                : income.multiply(FOUR).divide(BigDecimal.valueOf(active), 2, RoundingMode.HALF_UP);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (CalledQuarter q : quarters) {
            BigDecimal definitive = ContributionFormula.provisionalQuarter(q.category(), base.max(BigDecimal.ZERO), p);
            BigDecimal definitiveFee = ContributionFormula.fee(definitive, feeRate);
            BigDecimal legalDifference = definitive.subtract(q.legalAmount()).subtract(q.regularisedLegal());
            BigDecimal feeDifference = definitiveFee.subtract(q.fee()).subtract(q.regularisedFee());
            Line line = new Line(q.quarter(), q.category(), q.legalAmount().add(q.regularisedLegal()), definitive,
                    definitiveFee, legalDifference, feeDifference);
            lines.add(line);
            total = total.add(line.difference());
        }
        LocalDate due = total.signum() > 0 ? Quarter.of(computedOn).next().lastDay() : null;
        return new Result(year, income, base, List.copyOf(lines), total, due);
    }
}
