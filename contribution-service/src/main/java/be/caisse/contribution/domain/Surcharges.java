package be.caisse.contribution.domain;

import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Majorations / verhogingen for late payment (REFERENCE.md §2.9):
 * <ul>
 * <li>3 % of the principal still unpaid at the end of each quarter, from the quarter in which it is due, for as
 * long as it stays unpaid;</li>
 * <li>once, 7 % on 1 January of the principal of the past year's contributions still unpaid on 31 December;</li>
 * <li>only on the principal, never on surcharges;</li>
 * <li>none after the last quarter end before a contrainte is served or a summons is issued.</li>
 * </ul>
 * An unpaid quarter thus grows by about 19 % in one year (4 × 3 % + 7 %), as the reference says.
 */
public final class Surcharges {
    public static final BigDecimal QUARTERLY_RATE = new BigDecimal("0.03");
    public static final BigDecimal YEAR_END_RATE = new BigDecimal("0.07");

    private Surcharges() {
    }

    public enum Kind { QUARTERLY, YEAR_END }

    public record Surcharge(LocalDate date, Kind kind, BigDecimal base, BigDecimal rate, BigDecimal amount) {
    }

    /** A payment credited on the principal of the contribution. */
    public record PrincipalPayment(LocalDate creditDate, BigDecimal amount) {
    }

    /**
     * @param contributionQuarter the quarter the contribution is for (its year decides the 7 %)
     * @param dueDate             the last day to pay (the quarter's last day; one quarter later for a starter's first
     *                            two quarters)
     * @param principal           the legal contribution, without fees
     * @param payments            credits on this principal, with the date the fund's account was credited
     * @param asOf                the surcharges due up to this date
     * @param lastSurchargeDate   null, or the last quarter end before a contrainte or a summons: nothing after it
     */
    public static List<Surcharge> due(Quarter contributionQuarter, LocalDate dueDate, BigDecimal principal,
                                      List<PrincipalPayment> payments, LocalDate asOf, LocalDate lastSurchargeDate) {
        List<Surcharge> result = new ArrayList<>();
        LocalDate limit = lastSurchargeDate == null || asOf.isBefore(lastSurchargeDate) ? asOf : lastSurchargeDate;
        for (Quarter q = Quarter.of(dueDate); !q.lastDay().isAfter(limit); q = q.next()) {
            LocalDate end = q.lastDay();
            if (end.isBefore(dueDate)) {
                continue;
            }
            BigDecimal unpaid = unpaidOn(end, principal, payments);
            if (unpaid.signum() > 0) {
                result.add(new Surcharge(end, Kind.QUARTERLY, unpaid, QUARTERLY_RATE, percent(unpaid, QUARTERLY_RATE)));
            }
        }
        LocalDate newYear = LocalDate.of(contributionQuarter.year() + 1, 1, 1);
        if (!newYear.isAfter(limit)) {
            BigDecimal unpaid = unpaidOn(newYear.minusDays(1), principal, payments);
            if (unpaid.signum() > 0) {
                result.add(new Surcharge(newYear, Kind.YEAR_END, unpaid, YEAR_END_RATE, percent(unpaid, YEAR_END_RATE)));
            }
        }
        return result;
    }

    public static BigDecimal total(List<Surcharge> surcharges) {
        return surcharges.stream().map(Surcharge::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal unpaidOn(LocalDate date, BigDecimal principal, List<PrincipalPayment> payments) {
        BigDecimal paid = payments.stream().filter(p -> !p.creditDate().isAfter(date)).map(PrincipalPayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return principal.subtract(paid).max(BigDecimal.ZERO);
    }

    private static BigDecimal percent(BigDecimal base, BigDecimal rate) {
        return base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }
}
