package be.caisse.benefits.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interest of right on a benefit paid late (art. 20 of the Charter): from the day after its due date to the day it
 * is paid, at the legal rate of each calendar year (REFERENCE.md §10.6: civil legal rate 2024 5.75 %, 2025 and 2026
 * 4.50 %; a separate 7 % "in social matters" exists, and courts differ: the rate is a parameter per kind, default
 * the civil one). Simple interest, per day on a 365-day year, rounded half-up to the cent once at the end.
 */
public final class LateInterest {
    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    private final Map<Integer, BigDecimal> ratesByYear;

    /** {@code ratesByYear}: year → rate as a fraction (0.045 for 4.50 %). */
    public LateInterest(Map<Integer, BigDecimal> ratesByYear) {
        this.ratesByYear = new TreeMap<>(ratesByYear);
    }

    /** The rates of a kind of the amount table: each row, in percent, for the year of its date. */
    public static LateInterest of(AmountTable amounts, AmountKind kind) {
        Map<Integer, BigDecimal> rates = new TreeMap<>();
        for (EffectiveAmount r : amounts.rows()) {
            if (r.kind() == kind) {
                rates.put(r.validFrom().getYear(), r.amount().movePointLeft(2));
            }
        }
        return new LateInterest(rates);
    }

    public BigDecimal rate(int year) {
        BigDecimal r = ratesByYear.get(year);
        if (r == null) {
            throw new be.caisse.common.domain.RuleViolation("interest-rate-missing", year);
        }
        return r;
    }

    public BigDecimal on(BigDecimal amount, LocalDate due, LocalDate paid) {
        if (!paid.isAfter(due) || amount.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal total = BigDecimal.ZERO;
        LocalDate from = due.plusDays(1);
        while (!from.isAfter(paid)) {
            LocalDate endOfYear = LocalDate.of(from.getYear(), 12, 31);
            LocalDate to = paid.isBefore(endOfYear) ? paid : endOfYear;
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            total = total.add(amount.multiply(rate(from.getYear())).multiply(BigDecimal.valueOf(days))
                    .divide(DAYS_A_YEAR, MathContext.DECIMAL64));
            from = to.plusDays(1);
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    public long days(LocalDate due, LocalDate paid) {
        return Math.max(0, ChronoUnit.DAYS.between(due, paid));
    }
}
