package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.Collection;

/**
 * One period of affiliation in one category. Quarters are indivisible: liability runs from the first day of the
 * quarter of the start to the last day of the quarter of the end.
 */
public record AffiliationPeriod(LocalDate start, LocalDate end) {

    public AffiliationPeriod {
        if (end != null && end.isBefore(start)) {
            throw new RuleViolation("period-end-before-start", end, start);
        }
    }

    public boolean overlaps(AffiliationPeriod other) {
        boolean thisEndsBefore = end != null && end.isBefore(other.start);
        boolean otherEndsBefore = other.end != null && other.end.isBefore(start);
        return !thisEndsBefore && !otherEndsBefore;
    }

    public LocalDate liableFrom() {
        return Quarter.of(start).firstDay();
    }

    /** Null while the period is open. */
    public LocalDate liableUntil() {
        return end == null ? null : Quarter.of(end).lastDay();
    }

    /** Refuses a period that overlaps one of the person's other periods. */
    public static void checkNoOverlap(AffiliationPeriod candidate, Collection<AffiliationPeriod> others) {
        for (AffiliationPeriod p : others) {
            if (candidate.overlaps(p)) {
                throw p.end() == null ? new RuleViolation("overlapping-open-period", candidate.start(), p.start())
                        : new RuleViolation("overlapping-period", candidate.start(), p.start(), p.end());
            }
        }
    }
}
