package be.caisse.benefits.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Aidant proche / mantelzorg (REFERENCE.md §3.7, §10.4): a full or partial (at least 50 %) interruption of 1 to 6
 * months per request and at most 12 months over the career, each month at the amount in force in that month. Three
 * consecutive months of full interruption exempt the contributions of one quarter, at most 4 quarters over the
 * career: the quarter in which the third month falls (the fund's choice, the reference does not say which).
 */
public final class CarerLeave {
    public static final int MAX_MONTHS_PER_REQUEST = 6;
    public static final int MAX_MONTHS_CAREER = 12;
    public static final int FULL_MONTHS_FOR_AN_EXEMPTION = 3;
    public static final int MAX_EXEMPTED_QUARTERS_CAREER = 4;

    private CarerLeave() {
    }

    public enum Extent { FULL, PARTIAL }

    /** 1 to 6 months in this request, within the 12 of the career. */
    public static void check(int months, int monthsUsedBefore) {
        if (months < 1 || months > MAX_MONTHS_PER_REQUEST) {
            throw new RuleViolation("carer-leave-months", MAX_MONTHS_PER_REQUEST).on("months");
        }
        if (monthsUsedBefore + months > MAX_MONTHS_CAREER) {
            throw new RuleViolation("carer-leave-career-used", MAX_MONTHS_CAREER, Math.max(0, MAX_MONTHS_CAREER - monthsUsedBefore)).on("months");
        }
    }

    /** One month of the leave, at the amount in force on its first day. */
    public record Month(YearMonth month, EffectiveAmount row) {
    }

    public static List<Month> schedule(AmountTable amounts, YearMonth first, int months, Extent extent) {
        AmountKind kind = extent == Extent.FULL ? AmountKind.CARER_LEAVE_MONTH_FULL : AmountKind.CARER_LEAVE_MONTH_PARTIAL;
        List<Month> out = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth m = first.plusMonths(i);
            out.add(new Month(m, amounts.inForce(kind, m.atDay(1))));
        }
        return out;
    }

    /** The quarters exempted by this leave: one per 3 consecutive full months, within the 4 of the career. */
    public static List<Quarter> exemptedQuarters(YearMonth first, int months, Extent extent, int quartersExemptedBefore) {
        List<Quarter> out = new ArrayList<>();
        if (extent != Extent.FULL) {
            return out;
        }
        int allowed = Math.max(0, MAX_EXEMPTED_QUARTERS_CAREER - quartersExemptedBefore);
        for (int block = 0; block + FULL_MONTHS_FOR_AN_EXEMPTION <= months && out.size() < allowed; block += FULL_MONTHS_FOR_AN_EXEMPTION) {
            YearMonth third = first.plusMonths(block + FULL_MONTHS_FOR_AN_EXEMPTION - 1);
            out.add(Quarter.of(third.atDay(1)));
        }
        return out;
    }
}
