package be.caisse.recovery.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Judicial interest (intérêts judiciaires / gerechtelijke interest) on contributions the labour court condemned the
 * debtor to pay: simple interest at a yearly rate on the principal, from the summons (citation) to the day it is
 * reckoned, days over 365. The rate is a parameter: REFERENCE.md §5.2 has only "7 %" quoted by UCM, not verified.
 * Reckoned on the principal still open (a payment lowers it from then on for the whole period: a simplification the
 * fund's lawyer should confirm).
 */
public final class JudicialInterest {
    private JudicialInterest() {
    }

    public static BigDecimal accrued(BigDecimal principal, BigDecimal yearlyRate, LocalDate from, LocalDate to) {
        if (principal.signum() <= 0 || !to.isAfter(from)) {
            return BigDecimal.ZERO.setScale(2);
        }
        long days = ChronoUnit.DAYS.between(from, to);
        return principal.multiply(yearlyRate).multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
    }
}
