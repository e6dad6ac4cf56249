package be.caisse.benefits.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Droit passerelle / overbruggingsrecht (REFERENCE.md §3.2, §10.2): for facts from 1 January 2023, a monthly
 * benefit after a forced interruption or a cessation for economic difficulties. The base right is at most 12 months
 * of benefit and 4 quarters of kept social rights over the whole career; the additional right after it depends on
 * the pension-building quarters between two facts, through a table the reference could not find (a parameter,
 * {@link AdditionalRight}).
 */
public final class BridgingRight {
    public static final int BASE_MONTHS = 12;
    public static final int KEPT_RIGHTS_QUARTERS = 4;
    /** Facts before this date keep the older rules (24 months after 60 quarters), not modelled. */
    public static final LocalDate REFORM = LocalDate.of(2023, 1, 1);
    public static final int MINIMUM_DAYS_OF_INTERRUPTION = 7;
    public static final int MONTHS_COMBINED_WITH_RESUMED_ACTIVITY = 3;

    private BridgingRight() {
    }

    /** The two grounds since 2023 (the four "pillars" were abolished). */
    public enum Ground { FORCED_INTERRUPTION, ECONOMIC_DIFFICULTIES }

    /** What forced the interruption or cessation. */
    public enum Cause { BANKRUPTCY, NATURAL_DISASTER, FIRE, DAMAGE, ALLERGY, THIRD_PARTY_DECISION, ECONOMIC_IMPACT_EVENT }

    /** One of these makes a cessation one "for economic difficulties". */
    public enum EconomicCondition { INTEGRATION_INCOME, DISPENSATION_IN_LAST_12_MONTHS, INCOME_BELOW_THRESHOLD }

    /** The ground is complete: a forced interruption has its cause, a cessation for difficulties one condition. */
    public static void checkGround(Ground ground, Cause cause, Set<EconomicCondition> conditions, LocalDate fact) {
        RuleViolation.Collector found = new RuleViolation.Collector();
        if (fact.isBefore(REFORM)) {
            found.add(new RuleViolation("bridging-right-before-2023", fact).on("factDate"));
        }
        if (ground == Ground.FORCED_INTERRUPTION && cause == null) {
            found.add(new RuleViolation("bridging-right-cause-missing").on("cause"));
        }
        if (ground == Ground.ECONOMIC_DIFFICULTIES && (conditions == null || conditions.isEmpty())) {
            found.add(new RuleViolation("bridging-right-economic-condition-missing").on("economicConditions"));
        }
        found.throwIfAny();
    }

    /** The amount of a full month, in force on its first day, with or without family charge. */
    public static EffectiveAmount monthly(AmountTable amounts, YearMonth month, boolean familyCharge) {
        return amounts.inForce(familyCharge ? AmountKind.BRIDGING_RIGHT_MONTH_FAMILY : AmountKind.BRIDGING_RIGHT_MONTH, month.atDay(1));
    }

    /** Share of a month of temporary interruption: 7–13 days 25 %, 14–20 50 %, 21–27 75 %, 28 or more 100 %. */
    public static int partialMonthPercent(int consecutiveDays) {
        if (consecutiveDays < MINIMUM_DAYS_OF_INTERRUPTION) {
            return 0;
        }
        return consecutiveDays >= 28 ? 100 : consecutiveDays >= 21 ? 75 : consecutiveDays >= 14 ? 50 : 25;
    }

    public static BigDecimal percent(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal partialMonth(BigDecimal monthly, int consecutiveDays) {
        return percent(monthly, partialMonthPercent(consecutiveDays));
    }

    /** Combined with a resumed activity for at most 3 months, reduced by 25, 50, then 75 %: 75, 50, 25 % paid. */
    public static int resumedActivityPercent(int monthOfResumption) {
        if (monthOfResumption < 1 || monthOfResumption > MONTHS_COMBINED_WITH_RESUMED_ACTIVITY) {
            return 0;
        }
        return 100 - 25 * monthOfResumption;
    }

    /** Months of the base right left after the months already paid over the career (all claims together). */
    public static int baseMonthsLeft(int monthsUsed) {
        return Math.max(0, BASE_MONTHS - monthsUsed);
    }

    public static int keptRightsQuartersLeft(int quartersUsed) {
        return Math.max(0, KEPT_RIGHTS_QUARTERS - quartersUsed);
    }

    /**
     * The quarters of kept social rights (maintien des droits sociaux) a grant gives: the quarters of its benefit
     * months, in order, as many as the career still has ({@value #KEPT_RIGHTS_QUARTERS} in all). The member's
     * insurer is told them so that her health-care rights stay open.
     */
    public static java.util.List<be.caisse.common.time.Quarter> keptRightsQuarters(java.util.List<java.time.YearMonth> months,
                                                                                  int quartersUsed) {
        java.util.List<be.caisse.common.time.Quarter> quarters = months.stream().sorted()
                .map(m -> be.caisse.common.time.Quarter.of(m.atDay(1))).distinct().toList();
        return quarters.subList(0, Math.min(quarters.size(), keptRightsQuartersLeft(quartersUsed)));
    }

    /**
     * The contribution condition (REFERENCE.md §3.2: quarters paid, or assimilated for pension, before the fact).
     * Its figures are parameters: historically 4 quarters in the 16 before the fact's quarter; not confirmed as
     * current.
     */
    public record ContributionCondition(int required, int window) {
        public ContributionCondition {
            if (required < 0 || window < required) {
                throw new IllegalArgumentException("0 <= required <= window");
            }
        }

        public List<Quarter> window(Quarter factQuarter) {
            List<Quarter> quarters = new ArrayList<>();
            Quarter q = factQuarter;
            for (int i = 0; i < window; i++) {
                q = q.previous();
                quarters.add(q);
            }
            return quarters;
        }

        public boolean met(Quarter factQuarter, Set<Quarter> paidOrAssimilated) {
            return window(factQuarter).stream().filter(paidOrAssimilated::contains).count() >= required;
        }
    }

    /**
     * The request deadline (REFERENCE.md §3.2, the older rule for a bankruptcy: before the end of the second quarter
     * following the fact): a parameter, {@code quartersAfter}.
     */
    public static LocalDate requestDeadline(LocalDate fact, int quartersAfter) {
        Quarter q = Quarter.of(fact);
        for (int i = 0; i < quartersAfter; i++) {
            q = q.next();
        }
        return q.lastDay();
    }

    /**
     * One month of benefit: the month, the amount in force for it, the share of the month paid (a temporary
     * interruption) and the share kept while combined with a resumed activity (100 otherwise); the amount is the row
     * times both shares, rounded once to the cent.
     */
    public record Month(YearMonth month, EffectiveAmount row, int percent, int resumedShare, BigDecimal amount) {
        Month(YearMonth month, EffectiveAmount row, int percent, BigDecimal amount) {
            this(month, row, percent, 100, amount);
        }
    }

    /**
     * The months granted after a cessation or a forced interruption: from the month after the fact, as many as
     * asked within what is left of the base right, each at the amount in force in its month (an index date in the
     * middle of a grant raises the months after it).
     */
    public static List<Month> schedule(AmountTable amounts, LocalDate fact, int monthsAsked, int monthsUsed, boolean familyCharge) {
        int months = Math.min(monthsAsked, baseMonthsLeft(monthsUsed));
        List<Month> out = new ArrayList<>();
        YearMonth m = YearMonth.from(fact).plusMonths(1);
        for (int i = 0; i < months; i++, m = m.plusMonths(1)) {
            EffectiveAmount row = monthly(amounts, m, familyCharge);
            out.add(new Month(m, row, 100, row.amount()));
        }
        return out;
    }

    /**
     * A temporary forced interruption from {@code first} to {@code last} (at least 7 consecutive days): each calendar
     * month it touches is paid at the share its days of interruption give (7–13 25 %, 14–20 50 %, 21–27 75 %, 28 or
     * more — or the whole month — 100 %), at the amount in force that month; a month of fewer than 7 days is not paid.
     * Within what is left of the base right (a month paid in part counts as a month).
     */
    public static List<Month> temporarySchedule(AmountTable amounts, LocalDate first, LocalDate last, int monthsUsed, boolean familyCharge) {
        if (last.isBefore(first) || java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1 < MINIMUM_DAYS_OF_INTERRUPTION) {
            throw new RuleViolation("bridging-right-interruption-too-short", MINIMUM_DAYS_OF_INTERRUPTION).on("interruptionEnd");
        }
        int left = baseMonthsLeft(monthsUsed);
        List<Month> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)) && out.size() < left; m = m.plusMonths(1)) {
            LocalDate from = first.isAfter(m.atDay(1)) ? first : m.atDay(1);
            LocalDate to = last.isBefore(m.atEndOfMonth()) ? last : m.atEndOfMonth();
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            boolean wholeMonth = from.equals(m.atDay(1)) && to.equals(m.atEndOfMonth());
            int percent = wholeMonth ? 100 : partialMonthPercent(days);
            if (percent == 0) {
                continue;
            }
            EffectiveAmount row = monthly(amounts, m, familyCharge);
            out.add(new Month(m, row, percent, percent(row.amount(), percent)));
        }
        return out;
    }

    /**
     * The months of a grant after the activity resumed in {@code resumed}: the first three paid at 75, 50 and 25 %,
     * none after (the benefit is combined with the resumed activity for 3 months at most).
     */
    public static List<Month> withResumedActivity(List<Month> months, YearMonth resumed) {
        List<Month> out = new ArrayList<>();
        for (Month m : months) {
            if (m.month().isBefore(resumed)) {
                out.add(m);
                continue;
            }
            int n = (int) java.time.temporal.ChronoUnit.MONTHS.between(resumed, m.month()) + 1;
            int share = resumedActivityPercent(n);
            if (share > 0) {
                BigDecimal amount = m.row().amount().multiply(BigDecimal.valueOf((long) m.percent() * share))
                        .divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
                out.add(new Month(m.month(), m.row(), m.percent(), share, amount));
            }
        }
        return out;
    }

    /**
     * The additional right after the base right, by pension-building quarters between the previous fact and the new
     * one (at least 3 months per new fact). The table was not found (REFERENCE.md §10.2): empty until an admin fills
     * it, and a decision that needs it says the additional months cannot be granted yet.
     */
    public record AdditionalRight(List<Step> steps) {
        public static final int MINIMUM_MONTHS = 3;

        /** From {@code quarters} pension-building quarters, {@code months} additional months. */
        public record Step(int quarters, int months) {
        }

        public boolean known() {
            return !steps.isEmpty();
        }

        public int months(int quartersBetweenFacts) {
            if (!known()) {
                throw new RuleViolation("bridging-right-additional-table-missing");
            }
            int months = 0;
            for (Step s : steps) {
                if (quartersBetweenFacts >= s.quarters()) {
                    months = Math.max(months, s.months());
                }
            }
            return months == 0 ? 0 : Math.max(MINIMUM_MONTHS, months);
        }
    }
}
