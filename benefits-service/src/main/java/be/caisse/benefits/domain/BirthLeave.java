package be.caisse.benefits.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Congé de naissance / geboorteverlof (REFERENCE.md §3.5, §10.3): for births from 1 January 2023, 20 full days or
 * 40 half days (or a mix worth as much) within 4 months of the birth, at the daily amount in force on the birth
 * date, paid in one payment at the end of the month after the month in which the leave ends (or after the month of
 * the application, if later). A leave of at most 8 days (16 half days) may be taken as 15 service vouchers instead.
 */
public final class BirthLeave {
    public static final int MAX_HALF_DAYS = 40;
    public static final int WINDOW_MONTHS = 4;
    public static final int VOUCHER_OPTION_MAX_HALF_DAYS = 16;
    public static final int VOUCHERS_INSTEAD = 15;

    private BirthLeave() {
    }

    /** The application is due by the last day of the quarter after the birth quarter; one month more for a birth in a quarter's last month. */
    public static LocalDate applicationDeadline(LocalDate birth) {
        LocalDate end = Quarter.of(birth).next().lastDay();
        boolean lastMonthOfQuarter = birth.getMonthValue() % 3 == 0;
        return lastMonthOfQuarter ? YearMonth.from(end).plusMonths(1).atEndOfMonth() : end;
    }

    /** Every day within the 4 months from the birth, no day twice, at most 40 half days in all. */
    public static void check(LocalDate birth, List<LocalDate> fullDays, List<LocalDate> halfDays) {
        RuleViolation.Collector found = new RuleViolation.Collector();
        LocalDate last = birth.plusMonths(WINDOW_MONTHS);
        Set<LocalDate> seen = new HashSet<>();
        if (fullDays.isEmpty() && halfDays.isEmpty()) {
            found.add(new RuleViolation("leave-without-days").on("fullDays"));
        }
        checkDays(found, "fullDays", fullDays, birth, last, seen);
        checkDays(found, "halfDays", halfDays, birth, last, seen);
        if (halfDayUnits(fullDays.size(), halfDays.size()) > MAX_HALF_DAYS) {
            found.add(new RuleViolation("birth-leave-too-long", MAX_HALF_DAYS / 2).on("fullDays"));
        }
        found.throwIfAny();
    }

    static void checkDays(RuleViolation.Collector found, String field, List<LocalDate> days, LocalDate from, LocalDate to,
                          Set<LocalDate> seen) {
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            if (d.isBefore(from) || d.isAfter(to)) {
                found.add(new RuleViolation("leave-day-outside-window", d, from, to).on(field + "[" + i + "]"));
            } else if (!seen.add(d)) {
                found.add(new RuleViolation("leave-day-twice", d).on(field + "[" + i + "]"));
            }
        }
    }

    public static int halfDayUnits(int fullDays, int halfDays) {
        return fullDays * 2 + halfDays;
    }

    /** The amount: the days at the daily amounts in force on the birth date. */
    public static BigDecimal amount(AmountTable amounts, LocalDate birth, int fullDays, int halfDays) {
        BigDecimal day = amounts.inForce(AmountKind.BIRTH_LEAVE_DAY, birth).amount();
        BigDecimal half = amounts.inForce(AmountKind.BIRTH_LEAVE_HALF_DAY, birth).amount();
        return day.multiply(BigDecimal.valueOf(fullDays)).add(half.multiply(BigDecimal.valueOf(halfDays)));
    }

    /** Paid at the end of the month after the month in which the leave ends, or after the application's month if later. */
    public static LocalDate paymentDate(LocalDate leaveEnds, LocalDate applied) {
        YearMonth later = YearMonth.from(leaveEnds).isAfter(YearMonth.from(applied)) ? YearMonth.from(leaveEnds) : YearMonth.from(applied);
        return later.plusMonths(1).atEndOfMonth();
    }

    public static boolean vouchersInsteadPossible(int fullDays, int halfDays) {
        return halfDayUnits(fullDays, halfDays) <= VOUCHER_OPTION_MAX_HALF_DAYS;
    }
}
