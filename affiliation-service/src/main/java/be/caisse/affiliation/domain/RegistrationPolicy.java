package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;

/**
 * When a registration is accepted and from when the person is liable (REFERENCE.md §1.3): a natural person
 * registers before the start of activity, at most 6 months ahead; a start date already past is accepted but
 * flagged as late (risk of an administrative fine); liability starts on the first day of the quarter of the start,
 * because a started quarter is indivisible.
 */
public final class RegistrationPolicy {
    /** How far ahead a registration may be made. */
    public static final int MAX_MONTHS_AHEAD = 6;

    private RegistrationPolicy() {
    }

    public record Decision(LocalDate liableFrom, boolean late) {
    }

    public static Decision decide(LocalDate startDate, LocalDate today) {
        if (startDate.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            throw new RuleViolation("start-too-far-ahead", MAX_MONTHS_AHEAD, today.plusMonths(MAX_MONTHS_AHEAD)).on("startDate");
        }
        return new Decision(Quarter.of(startDate).firstDay(), startDate.isBefore(today));
    }
}
