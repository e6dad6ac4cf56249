package be.caisse.common.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One commitment of the fund's service charter (charte d'engagement de service) measured over a period from the data
 * itself: its value, how many cases it rests on ({@code basis}), its target and whether the target is kept. A share is
 * rounded <em>down</em> to one decimal, so that 99.96 % never reads as 100 %; a must-be-100 % figure (a refusal
 * without its appeal mentions, a judicial step without a personal contact) is kept only when every case is.
 *
 * @param key        stable name inside its service ({@code decisions-within-4-months})
 * @param commitment the charter's words (or the legal article) the figure measures
 * @param definition how the figure is computed, in words an auditor can check against the data
 * @param value      the figure; {@code null} when there was nothing to measure in the period
 * @param basis      the number of cases measured (the denominator of a share, the count of a median)
 * @param target     the fund's target, {@code null} for a figure reported without one
 */
public record CharterFigure(String key, String commitment, String definition, Unit unit, BigDecimal value, long basis,
                            BigDecimal target, Direction direction, boolean mustBeFull) {
    public static final BigDecimal FULL = new BigDecimal("100.0");

    public enum Unit {
        PERCENT, DAYS, COUNT, EUROS;

        /** The suffix of the Prometheus gauge. */
        public String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether a value at or above ({@code AT_LEAST}) or at or below ({@code AT_MOST}) the target keeps it. */
    public enum Direction { AT_LEAST, AT_MOST }

    public enum Status { KEPT, BREACHED, NO_DATA, INFORMATIVE }

    public CharterFigure {
        Objects.requireNonNull(key);
        Objects.requireNonNull(unit);
        if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A charter figure key is lower-case words joined by '-': " + key);
        }
        if (basis < 0) {
            throw new IllegalArgumentException("basis < 0");
        }
        if (mustBeFull && (unit != Unit.PERCENT || target == null || target.compareTo(FULL) != 0)) {
            throw new IllegalArgumentException("A must-be-100 % figure is a share with the target 100");
        }
    }

    public Status status() {
        if (value == null) {
            return Status.NO_DATA;
        }
        if (target == null) {
            return Status.INFORMATIVE;
        }
        int c = value.compareTo(target);
        boolean kept = direction == Direction.AT_MOST ? c <= 0 : c >= 0;
        return kept ? Status.KEPT : Status.BREACHED;
    }

    /** A must-be-100 % figure that is not: the fund broke a promise it cannot break. */
    public boolean breach() {
        return mustBeFull && status() == Status.BREACHED;
    }

    /** The share of {@code hits} among {@code total}, in percent, rounded down to 0.1; no value when total is 0. */
    public static BigDecimal share(long hits, long total) {
        if (hits < 0 || total < 0 || hits > total) {
            throw new IllegalArgumentException(hits + " of " + total);
        }
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(hits).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN);
    }

    /** A share with a target it must reach (the fund's target, a parameter). */
    public static CharterFigure share(String key, String commitment, String definition, long hits, long total, BigDecimal target) {
        return new CharterFigure(key, commitment, definition, Unit.PERCENT, share(hits, total), total, target,
                Direction.AT_LEAST, false);
    }

    /** A share the law or the charter requires to be 100 %: anything less is a breach. */
    public static CharterFigure full(String key, String commitment, String definition, long hits, long total) {
        return new CharterFigure(key, commitment, definition, Unit.PERCENT, share(hits, total), total, FULL,
                Direction.AT_LEAST, true);
    }

    /** A duration in days (a median, a percentile) over {@code basis} cases; {@code target}: at most, or null. */
    public static CharterFigure days(String key, String commitment, String definition, BigDecimal days, long basis, BigDecimal target) {
        return new CharterFigure(key, commitment, definition, Unit.DAYS, basis == 0 ? null : days, basis, target,
                Direction.AT_MOST, false);
    }

    /** A number of cases, reported without a target. */
    public static CharterFigure count(String key, String commitment, String definition, long count) {
        return new CharterFigure(key, commitment, definition, Unit.COUNT, BigDecimal.valueOf(count), count, null,
                Direction.AT_LEAST, false);
    }

    /** An amount over {@code basis} cases, reported without a target. */
    public static CharterFigure euros(String key, String commitment, String definition, BigDecimal euros, long basis) {
        return new CharterFigure(key, commitment, definition, Unit.EUROS, euros.setScale(2, RoundingMode.UNNECESSARY), basis,
                null, Direction.AT_LEAST, false);
    }
}
