package be.caisse.benefits.domain;

import be.caisse.common.i18n.Text;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a claim is worth under the rules, from the facts the decision saw: the outcome, the payments with their due
 * dates and the amount rows they come from, the quarters of contributions it exempts, and the motivation in words
 * (facts and legal basis, as {@link Text} rendered in the member's language). Given the same facts, amounts and
 * parameters it gives the same result: a decision can be recomputed years later.
 */
public final class Assessment {
    /** 1 October 2016: the maternity contribution relief applies to births from that date. */
    public static final LocalDate RELIEF_FROM = LocalDate.of(2016, 10, 1);

    private Assessment() {
    }

    /** The parameters of the rules the reference could not confirm (REFERENCE.md §10), as the fund set them. */
    public record Parameters(BridgingRight.ContributionCondition bridgingCondition, int bridgingDeadlineQuarters,
                             MourningLeave.Deadline mourningDeadline, int maternityVouchers, BridgingRight.AdditionalRight additional) {
        public static Parameters defaults() {
            return new Parameters(new BridgingRight.ContributionCondition(4, 16), 2, MourningLeave.Deadline.LAST_DAY_OF_THE_FOLLOWING_YEAR,
                    105, new BridgingRight.AdditionalRight(List.of()));
        }
    }

    /** The facts of the claim and of the member, as they stand when the decision is prepared (and again at approval). */
    public record Facts(BenefitType type, LocalDate factDate, LocalDate filedOn, Eligibility.Situation situation, String sex,
                        boolean familyCharge, Integer monthsAsked, YearMonth firstMonth, CarerLeave.Extent extent,
                        List<LocalDate> fullDays, List<LocalDate> halfDays, int careerMonthsUsed, int careerQuartersExempted,
                        BridgingRight.Ground ground, BridgingRight.Cause cause, Set<BridgingRight.EconomicCondition> conditions,
                        Set<Quarter> paidOrAssimilated, LocalDate interruptionEnd, YearMonth resumedActivity,
                        Integer quartersSincePreviousFact, boolean vouchersInstead) {
        /** A birth leave taken as service vouchers is not said: paid as days. */
        public Facts(BenefitType type, LocalDate factDate, LocalDate filedOn, Eligibility.Situation situation, String sex,
                     boolean familyCharge, Integer monthsAsked, YearMonth firstMonth, CarerLeave.Extent extent,
                     List<LocalDate> fullDays, List<LocalDate> halfDays, int careerMonthsUsed, int careerQuartersExempted,
                     BridgingRight.Ground ground, BridgingRight.Cause cause, Set<BridgingRight.EconomicCondition> conditions,
                     Set<Quarter> paidOrAssimilated, LocalDate interruptionEnd, YearMonth resumedActivity,
                     Integer quartersSincePreviousFact) {
            this(type, factDate, filedOn, situation, sex, familyCharge, monthsAsked, firstMonth, extent, fullDays, halfDays,
                    careerMonthsUsed, careerQuartersExempted, ground, cause, conditions, paidOrAssimilated, interruptionEnd,
                    resumedActivity, quartersSincePreviousFact, false);
        }

        /** The same facts, the birth leave taken (or not) as service vouchers. */
        public Facts withVouchersInstead(boolean instead) {
            return new Facts(type, factDate, filedOn, situation, sex, familyCharge, monthsAsked, firstMonth, extent, fullDays, halfDays,
                    careerMonthsUsed, careerQuartersExempted, ground, cause, conditions, paidOrAssimilated, interruptionEnd,
                    resumedActivity, quartersSincePreviousFact, instead);
        }

        /** Without the end of a temporary interruption nor a resumed activity. */
        public Facts(BenefitType type, LocalDate factDate, LocalDate filedOn, Eligibility.Situation situation, String sex,
                     boolean familyCharge, Integer monthsAsked, YearMonth firstMonth, CarerLeave.Extent extent,
                     List<LocalDate> fullDays, List<LocalDate> halfDays, int careerMonthsUsed, int careerQuartersExempted,
                     BridgingRight.Ground ground, BridgingRight.Cause cause, Set<BridgingRight.EconomicCondition> conditions,
                     Set<Quarter> paidOrAssimilated) {
            this(type, factDate, filedOn, situation, sex, familyCharge, monthsAsked, firstMonth, extent, fullDays, halfDays,
                    careerMonthsUsed, careerQuartersExempted, ground, cause, conditions, paidOrAssimilated, null, null, null, false);
        }
    }

    /** One payment the decision grants: what, when it is due, how much, and the amount row it comes from. */
    public record Payment(String period, LocalDate due, BigDecimal amount, EffectiveAmount row) {
    }

    public record Result(DecisionOutcome outcome, BigDecimal total, int units, String unit, List<Payment> payments,
                         List<Quarter> exemptedQuarters, List<String> refusals, List<Text> motivation) {
        public boolean granted() {
            return outcome != DecisionOutcome.REFUSED;
        }
    }

    public static Result assess(Facts f, AmountTable amounts, Parameters p) {
        List<Text> why = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        return switch (f.type()) {
            case BIRTH_LEAVE -> birthLeave(f, amounts, p, why, refused);
            case MOURNING_LEAVE -> mourningLeave(f, amounts, p, why, refused);
            case CARER_LEAVE -> carerLeave(f, amounts, why, refused);
            case BRIDGING_RIGHT -> bridgingRight(f, amounts, p, why, refused);
            case MATERNITY_VOUCHERS -> vouchers(f, amounts, p, why, refused);
            case MATERNITY_CONTRIBUTION_RELIEF -> relief(f, why, refused);
        };
    }

    private static void eligibility(Facts f, List<Text> why, List<String> refused) {
        List<String> missing = Eligibility.missing(f.situation(), Quarter.of(f.factDate()));
        for (String m : missing) {
            refused.add(m);
            why.add(Text.of("eligibility." + m));
        }
        if (missing.isEmpty()) {
            why.add(Text.of("motivation.eligible", f.situation().category(), Quarter.of(f.factDate()).previous().previous(),
                    Quarter.of(f.factDate())));
        }
    }

    private static void deadline(LocalDate filed, LocalDate deadline, List<Text> why, List<String> refused) {
        if (filed.isAfter(deadline)) {
            refused.add("application-late");
            why.add(Text.of("motivation.application-late", filed, deadline));
        } else {
            why.add(Text.of("motivation.application-in-time", filed, deadline));
        }
    }

    private static Result refusedOr(List<String> refused, List<Text> why, java.util.function.Supplier<Result> granted) {
        if (!refused.isEmpty()) {
            return new Result(DecisionOutcome.REFUSED, BigDecimal.ZERO.setScale(2), 0, null, List.of(), List.of(), List.copyOf(refused), List.copyOf(why));
        }
        return granted.get();
    }

    private static Result birthLeave(Facts f, AmountTable amounts, Parameters p, List<Text> why, List<String> refused) {
        why.add(Text.of("motivation.birth-leave.basis", f.factDate()));
        eligibility(f, why, refused);
        deadline(f.filedOn(), BirthLeave.applicationDeadline(f.factDate()), why, refused);
        List<LocalDate> full = f.fullDays() == null ? List.of() : f.fullDays();
        List<LocalDate> half = f.halfDays() == null ? List.of() : f.halfDays();
        if (f.vouchersInstead() && !BirthLeave.vouchersInsteadPossible(full.size(), half.size())) {
            refused.add("birth-leave-vouchers-too-many-days");
            why.add(Text.of("motivation.birth-leave.vouchers-too-many-days", BirthLeave.VOUCHER_OPTION_MAX_HALF_DAYS / 2));
        }
        return refusedOr(refused, why, () -> {
            BirthLeave.check(f.factDate(), full, half);
            if (f.vouchersInstead()) {
                // at most 8 days taken as 15 service vouchers instead of their daily amount: the issuer delivers them
                EffectiveAmount voucher = amounts.inForce(AmountKind.SERVICE_VOUCHER, f.factDate());
                BigDecimal value = voucher.amount().multiply(BigDecimal.valueOf(BirthLeave.VOUCHERS_INSTEAD));
                why.add(Text.of("motivation.birth-leave.vouchers", full.size(), half.size(), BirthLeave.VOUCHERS_INSTEAD, value));
                return new Result(DecisionOutcome.GRANTED, value, BirthLeave.VOUCHERS_INSTEAD, "VOUCHERS", List.of(), List.of(), List.of(),
                        List.copyOf(why));
            }
            EffectiveAmount day = amounts.inForce(AmountKind.BIRTH_LEAVE_DAY, f.factDate());
            EffectiveAmount halfDay = amounts.inForce(AmountKind.BIRTH_LEAVE_HALF_DAY, f.factDate());
            BigDecimal total = BirthLeave.amount(amounts, f.factDate(), full.size(), half.size());
            LocalDate last = java.util.stream.Stream.concat(full.stream(), half.stream()).max(LocalDate::compareTo).orElseThrow();
            why.add(Text.of("motivation.birth-leave.amount", full.size(), day.amount(), half.size(), halfDay.amount(), day.validFrom(), total));
            Payment pay = new Payment(YearMonth.from(last).toString(), BirthLeave.paymentDate(last, f.filedOn()), total, day);
            return new Result(DecisionOutcome.GRANTED, total, BirthLeave.halfDayUnits(full.size(), half.size()), "HALF_DAYS",
                    List.of(pay), List.of(), List.of(), List.copyOf(why));
        });
    }

    private static Result mourningLeave(Facts f, AmountTable amounts, Parameters p, List<Text> why, List<String> refused) {
        why.add(Text.of("motivation.mourning-leave.basis", f.factDate()));
        eligibility(f, why, refused);
        deadline(f.filedOn(), p.mourningDeadline().from(f.factDate()), why, refused);
        List<LocalDate> days = f.fullDays() == null ? List.of() : f.fullDays();
        return refusedOr(refused, why, () -> {
            MourningLeave.check(f.factDate(), days);
            EffectiveAmount day = amounts.inForce(AmountKind.MOURNING_LEAVE_DAY, f.factDate());
            BigDecimal total = MourningLeave.amount(amounts, f.factDate(), days.size());
            why.add(Text.of("motivation.mourning-leave.amount", days.size(), day.amount(), day.validFrom(), total));
            LocalDate last = MourningLeave.lastDay(days);
            Payment pay = new Payment(YearMonth.from(last).toString(), MourningLeave.paymentDate(last, f.filedOn()), total, day);
            return new Result(DecisionOutcome.GRANTED, total, days.size(), "DAYS", List.of(pay), List.of(), List.of(), List.copyOf(why));
        });
    }

    private static Result carerLeave(Facts f, AmountTable amounts, List<Text> why, List<String> refused) {
        why.add(Text.of("motivation.carer-leave.basis", f.firstMonth(), f.monthsAsked(), f.extent()));
        eligibility(f, why, refused);
        int left = Math.max(0, CarerLeave.MAX_MONTHS_CAREER - f.careerMonthsUsed());
        if (left == 0) {
            refused.add("carer-leave-career-used");
            why.add(Text.of("rule.carer-leave-career-used", CarerLeave.MAX_MONTHS_CAREER, 0));
        }
        return refusedOr(refused, why, () -> {
            int months = Math.min(Math.min(f.monthsAsked(), CarerLeave.MAX_MONTHS_PER_REQUEST), left);
            List<Payment> payments = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (CarerLeave.Month m : CarerLeave.schedule(amounts, f.firstMonth(), months, f.extent())) {
                payments.add(new Payment(m.month().toString(), m.month().atEndOfMonth(), m.row().amount(), m.row()));
                total = total.add(m.row().amount());
            }
            List<Quarter> exempted = CarerLeave.exemptedQuarters(f.firstMonth(), months, f.extent(), f.careerQuartersExempted());
            why.add(Text.of("motivation.carer-leave.amount", months, total, left - months));
            if (!exempted.isEmpty()) {
                why.add(Text.of("motivation.carer-leave.exemption", exempted.stream().map(Quarter::toString).toList().toString()));
            }
            DecisionOutcome outcome = months < f.monthsAsked() ? DecisionOutcome.PARTLY_GRANTED : DecisionOutcome.GRANTED;
            return new Result(outcome, total, months, "MONTHS", payments, exempted, List.of(), List.copyOf(why));
        });
    }

    private static Result bridgingRight(Facts f, AmountTable amounts, Parameters p, List<Text> why, List<String> refused) {
        why.add(Text.of("motivation.bridging-right.basis", f.factDate(), f.ground(), f.cause() == null ? "" : f.cause()));
        BridgingRight.checkGround(f.ground(), f.cause(), f.conditions(), f.factDate());
        deadline(f.filedOn(), BridgingRight.requestDeadline(f.factDate(), p.bridgingDeadlineQuarters()), why, refused);
        BridgingRight.ContributionCondition c = p.bridgingCondition();
        if (!c.met(Quarter.of(f.factDate()), f.paidOrAssimilated())) {
            refused.add("bridging-right-contributions");
            why.add(Text.of("motivation.bridging-right.contributions-not-met", c.required(), c.window()));
        } else {
            why.add(Text.of("motivation.bridging-right.contributions-met", c.required(), c.window()));
        }
        int left = BridgingRight.baseMonthsLeft(f.careerMonthsUsed());
        int additional = 0;
        if (left == 0) {
            // the base right is used: the additional right, by the pension-building quarters since the previous fact
            if (!p.additional().known()) {
                refused.add("bridging-right-base-used");
                why.add(Text.of("rule.bridging-right-additional-table-missing"));
            } else {
                int quarters = f.quartersSincePreviousFact() == null ? 0 : f.quartersSincePreviousFact();
                additional = p.additional().months(quarters);
                if (additional == 0) {
                    refused.add("bridging-right-base-used");
                    why.add(Text.of("motivation.bridging-right.additional-none", quarters));
                } else {
                    why.add(Text.of("motivation.bridging-right.additional", additional, quarters));
                }
            }
        }
        int grantable = left > 0 ? left : additional;
        return refusedOr(refused, why, () -> {
            int asked = f.monthsAsked() == null ? BridgingRight.BASE_MONTHS : f.monthsAsked();
            int used = BridgingRight.BASE_MONTHS - grantable; // the months the schedule may still give
            List<BridgingRight.Month> months = f.interruptionEnd() != null
                    ? BridgingRight.temporarySchedule(amounts, f.factDate(), f.interruptionEnd(), used, f.familyCharge())
                    : BridgingRight.schedule(amounts, f.factDate(), asked, used, f.familyCharge());
            if (f.interruptionEnd() != null) {
                why.add(Text.of("motivation.bridging-right.temporary", f.factDate(), f.interruptionEnd(),
                        months.stream().map(m -> m.month() + " " + m.percent() + " %").toList().toString()));
                asked = months.size();
            }
            if (f.resumedActivity() != null) {
                months = BridgingRight.withResumedActivity(months, f.resumedActivity());
                why.add(Text.of("motivation.bridging-right.resumed", f.resumedActivity()));
                asked = Math.min(asked, months.size());
            }
            if (months.isEmpty()) {
                why.add(Text.of("motivation.bridging-right.no-month"));
                return new Result(DecisionOutcome.REFUSED, BigDecimal.ZERO.setScale(2), 0, "MONTHS", List.of(), List.of(),
                        List.of("bridging-right-no-month"), List.copyOf(why));
            }
            List<Payment> payments = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (BridgingRight.Month m : months) {
                payments.add(new Payment(m.month().toString(), m.month().atEndOfMonth(), m.amount(), m.row()));
                total = total.add(m.amount());
            }
            why.add(Text.of(f.familyCharge() ? "motivation.bridging-right.amount-family" : "motivation.bridging-right.amount",
                    months.size(), months.get(0).amount(), total, Math.max(0, left - months.size())));
            DecisionOutcome outcome = months.size() < asked ? DecisionOutcome.PARTLY_GRANTED : DecisionOutcome.GRANTED;
            return new Result(outcome, total, months.size(), "MONTHS", payments, List.of(), List.of(), List.copyOf(why));
        });
    }

    private static Result vouchers(Facts f, AmountTable amounts, Parameters p, List<Text> why, List<String> refused) {
        why.add(Text.of("motivation.vouchers.basis", f.factDate()));
        if (!"F".equals(f.sex())) {
            refused.add("vouchers-mother-only");
            why.add(Text.of("motivation.vouchers.mother-only"));
        }
        eligibility(f, why, refused);
        return refusedOr(refused, why, () -> {
            EffectiveAmount voucher = amounts.inForce(AmountKind.SERVICE_VOUCHER, f.factDate());
            BigDecimal value = voucher.amount().multiply(BigDecimal.valueOf(p.maternityVouchers()));
            why.add(Text.of("motivation.vouchers.granted", p.maternityVouchers(), value));
            return new Result(DecisionOutcome.GRANTED, value, p.maternityVouchers(), "VOUCHERS", List.of(), List.of(), List.of(), List.copyOf(why));
        });
    }

    private static Result relief(Facts f, List<Text> why, List<String> refused) {
        Quarter relieved = Quarter.of(f.factDate()).next();
        why.add(Text.of("motivation.relief.basis", f.factDate(), relieved));
        if (f.factDate().isBefore(RELIEF_FROM)) {
            refused.add("relief-birth-before-2016-10");
            why.add(Text.of("motivation.relief.too-early", RELIEF_FROM));
        }
        if (!"F".equals(f.sex())) {
            refused.add("relief-mother-only");
            why.add(Text.of("motivation.relief.mother-only"));
        }
        return refusedOr(refused, why, () ->
                new Result(DecisionOutcome.GRANTED, BigDecimal.ZERO.setScale(2), 1, "QUARTERS", List.of(), List.of(relieved), List.of(), List.copyOf(why)));
    }
}
