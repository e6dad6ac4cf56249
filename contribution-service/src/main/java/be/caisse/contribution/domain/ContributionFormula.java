package be.caisse.contribution.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The contribution formula since the 2015 reform (REFERENCE.md §2.1–§2.6):
 * {@code annual = 20.5 % × min(R, T1) + 14.16 % × max(0, min(R, T2) − T1)}, then the category's rule, then ÷ 4
 * rounded half-up to the cent; the fund's fee is the quarterly amount × the fee rate, rounded half-up to the cent.
 * This rounding reproduces the published figures (2025 minimum €871.71, with 4.05 % fees €907.01).
 */
public final class ContributionFormula {
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private ContributionFormula() {
    }

    /** The annual contribution on an income, by the two brackets, not yet rounded. */
    public static BigDecimal annual(BigDecimal income, YearlyParameters p) {
        BigDecimal first = income.min(p.t1()).max(BigDecimal.ZERO).multiply(p.rate1());
        BigDecimal second = income.min(p.t2()).subtract(p.t1()).max(BigDecimal.ZERO).multiply(p.rate2());
        return first.add(second);
    }

    public static BigDecimal quarterly(BigDecimal annual) {
        return annual.divide(FOUR, 2, RoundingMode.HALF_UP);
    }

    /** Provisional contribution of a quarter on a (revalued, annualised) income, by the category's rule. */
    public static BigDecimal provisionalQuarter(ContributorCategory category, BigDecimal income, YearlyParameters p) {
        return switch (category) {
            // Principal, helping spouse (maxi-statut) and, since 2025-Q4, activity after pension age: the minimum base applies.
            case PRINCIPAL, HELPING_SPOUSE, AFTER_PENSION_AGE -> quarterly(annual(income.max(p.principalMinimumIncome()), p));
            // Complementary: nothing below the threshold; above it, 20.5 % on the whole income, no minimum.
            case COMPLEMENTARY -> income.compareTo(p.complementaryThreshold()) < 0
                    ? BigDecimal.ZERO.setScale(2) : quarterly(annual(income, p));
            // Student: nothing below the threshold; 20.5 % on the part above it up to the principal minimum base;
            // from there on, like a principal.
            case STUDENT -> {
                if (income.compareTo(p.studentThreshold()) < 0) {
                    yield BigDecimal.ZERO.setScale(2);
                }
                if (income.compareTo(p.principalMinimumIncome()) < 0) {
                    yield quarterly(income.subtract(p.studentThreshold()).multiply(p.rate1()));
                }
                yield quarterly(annual(income, p));
            }
        };
    }

    /**
     * The provisional contribution of a starter, who has no reference income yet: the legal minimum base
     * (REFERENCE.md §2.5); complementaries and students on the complementary threshold (§2.6); a helping spouse
     * pays half of a starter's amount in the first year (§1.2).
     */
    public static BigDecimal starterQuarter(ContributorCategory category, YearlyParameters p) {
        return switch (category) {
            case PRINCIPAL, AFTER_PENSION_AGE -> quarterly(annual(p.principalMinimumIncome(), p));
            case HELPING_SPOUSE -> quarterly(annual(p.principalMinimumIncome(), p)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            case COMPLEMENTARY, STUDENT -> quarterly(annual(p.complementaryThreshold(), p));
        };
    }

    /** The income base a starter's amount is computed on, to explain it. */
    public static BigDecimal starterBase(ContributorCategory category, YearlyParameters p) {
        return switch (category) {
            case PRINCIPAL, AFTER_PENSION_AGE, HELPING_SPOUSE -> p.principalMinimumIncome();
            case COMPLEMENTARY, STUDENT -> p.complementaryThreshold();
        };
    }

    /** The fund's management fee on a quarterly legal amount. */
    public static BigDecimal fee(BigDecimal legal, BigDecimal feeRate) {
        return legal.multiply(feeRate).setScale(2, RoundingMode.HALF_UP);
    }
}
