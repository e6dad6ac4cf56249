package be.caisse.benefits.domain;

import be.caisse.common.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * Congé de deuil / rouwverlof (REFERENCE.md §3.8, §10.3): at most 10 full days, not necessarily consecutive, within
 * one year of the death of the spouse or legal cohabitant or of a child (adoptive, foster) of the self-employed or
 * of the partner, at the daily amount in force on the death, paid at the end of the month after the leave ends.
 * The application deadline is worded two ways by the sources: a parameter ({@link Deadline}).
 */
public final class MourningLeave {
    public static final int MAX_DAYS = 10;

    private MourningLeave() {
    }

    /** UCM: "au plus tard le dernier jour de l'année qui suit la date du décès"; Liantis: within the year after the death. */
    public enum Deadline {
        LAST_DAY_OF_THE_FOLLOWING_YEAR, ONE_YEAR_AFTER_THE_DEATH;

        public LocalDate from(LocalDate death) {
            return this == LAST_DAY_OF_THE_FOLLOWING_YEAR ? LocalDate.of(death.getYear() + 1, 12, 31) : death.plusYears(1);
        }
    }

    public static void check(LocalDate death, List<LocalDate> days) {
        RuleViolation.Collector found = new RuleViolation.Collector();
        if (days.isEmpty()) {
            found.add(new RuleViolation("leave-without-days").on("fullDays"));
        }
        if (days.size() > MAX_DAYS) {
            found.add(new RuleViolation("mourning-leave-too-long", MAX_DAYS).on("fullDays"));
        }
        BirthLeave.checkDays(found, "fullDays", days, death, death.plusYears(1), new HashSet<>());
        found.throwIfAny();
    }

    public static BigDecimal amount(AmountTable amounts, LocalDate death, int days) {
        return amounts.inForce(AmountKind.MOURNING_LEAVE_DAY, death).amount().multiply(BigDecimal.valueOf(days));
    }

    public static LocalDate paymentDate(LocalDate leaveEnds, LocalDate applied) {
        return BirthLeave.paymentDate(leaveEnds, applied);
    }

    public static LocalDate lastDay(List<LocalDate> days) {
        return days.stream().max(LocalDate::compareTo).orElseThrow();
    }
}
