package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import java.time.LocalDate;

/**
 * When a transition dated ahead takes effect (an interruption, a cessation, a change of category, a resumption):
 * like a registration, at most 6 months ahead; dated today or before, it applies at once; dated later, it is
 * recorded as planned and takes effect on its date (a nightly pass, and whenever the dossier is read), and can be
 * cancelled until then.
 */
public final class TransitionSchedule {
    public static final int MAX_MONTHS_AHEAD = RegistrationPolicy.MAX_MONTHS_AHEAD;

    private TransitionSchedule() {
    }

    /** @return true when the transition is planned (its date is after today) */
    public static boolean planned(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            throw new RuleViolation("date-too-far-ahead", MAX_MONTHS_AHEAD, today.plusMonths(MAX_MONTHS_AHEAD)).on(field);
        }
        return date.isAfter(today);
    }

    /** Due on {@code today}: its date has come. */
    public static boolean due(LocalDate date, LocalDate today) {
        return !date.isAfter(today);
    }
}
