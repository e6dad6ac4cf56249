package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's health insurer over time (mutualité / ziekenfonds): periods that each start on a day and last until the
 * next one. A change of insurer takes effect on a later day than the one recorded before it, or corrects the period
 * that starts on the same day. Recorded at most {@value #MONTHS_AHEAD} months ahead (a change announced for the next
 * quarter), and not before the person's birth.
 */
public final class MutualityPeriods {
    public static final int MONTHS_AHEAD = 6;

    /** One period: the insurer's code from this day on. */
    public record Period(String mutuality, LocalDate validFrom) {
    }

    private final List<Period> periods;

    public MutualityPeriods(List<Period> periods) {
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Period::validFrom));
        this.periods = List.copyOf(sorted);
    }

    public List<Period> periods() {
        return periods;
    }

    /** The insurer on that day. */
    public Optional<String> on(LocalDate day) {
        String found = null;
        for (Period p : periods) {
            if (!p.validFrom().isAfter(day)) {
                found = p.mutuality();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The periods with this one added (or the one starting on the same day replaced); refused if the rules say no. */
    public MutualityPeriods with(Period period, LocalDate birthDate, LocalDate today) {
        LocalDate latest = today.plusMonths(MONTHS_AHEAD);
        if (period.validFrom().isAfter(latest)) {
            throw new RuleViolation("mutuality-too-far-ahead", MONTHS_AHEAD, latest).on("validFrom");
        }
        if (birthDate != null && period.validFrom().isBefore(birthDate)) {
            throw new RuleViolation("mutuality-before-birth", birthDate).on("validFrom");
        }
        List<Period> next = new ArrayList<>();
        for (Period p : periods) {
            if (!p.validFrom().equals(period.validFrom())) {
                next.add(p);
            }
        }
        next.add(period);
        return new MutualityPeriods(next);
    }
}
