package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Corrections of a person's affiliation (rectification): a registration or a transition recorded by mistake is
 * cancelled, or its date or category amended, and the periods are recomputed from what really happened. The result
 * keeps the rules of the periods: none ends before it starts, none overlaps another, at most one is open, a change
 * of category changes the category, a resumption comes after the quarter of the interruption. A transition that
 * later ones build on is corrected after them (the answer says so): the trail stays readable.
 */
public final class Corrections {
    private Corrections() {
    }

    /**
     * The transition to correct: its type, the periods it opened and closed (a change of category does both) and the
     * date it was given (a change of category takes effect by the quarter rules of that date).
     */
    public record Target(TransitionType type, UUID opened, UUID closed, LocalDate eventDate) {
    }

    public record Change(CorrectionAction action, LocalDate date, CategoryDetails details) {
    }

    /** The periods after the correction, in order; a period no longer in the list was cancelled. */
    public static List<PeriodState> apply(List<PeriodState> timeline, Target t, Change c) {
        List<PeriodState> p = new ArrayList<>(timeline);
        p.sort(Comparator.comparing(PeriodState::start));
        if (c.action() == CorrectionAction.AMEND_DATE && c.date() == null) {
            throw new RuleViolation("correction-date-missing").on("date");
        }
        if (c.action() == CorrectionAction.AMEND_CATEGORY && c.details() == null) {
            throw new RuleViolation("correction-category-missing").on("category");
        }
        switch (t.type()) {
            case REGISTRATION -> {
                int i = index(p, t.opened());
                PeriodState period = p.get(i);
                switch (c.action()) {
                    case CANCEL -> {
                        requireNotContinued(p, i);
                        p.remove(i);
                    }
                    case AMEND_DATE -> p.set(i, period.withStart(c.date()));
                    case AMEND_CATEGORY -> p.set(i, period.withDetails(c.details()));
                }
            }
            case CATEGORY_CHANGE -> {
                int next = index(p, t.opened());
                int previous = index(p, t.closed());
                PeriodState before = p.get(previous);
                PeriodState after = p.get(next);
                switch (c.action()) {
                    case CANCEL -> {
                        p.set(previous, before.endingAs(after));
                        p.remove(next);
                    }
                    case AMEND_DATE -> {
                        LocalDate effective = CategoryChangePolicy.effectiveDate(before.details().category(),
                                after.details().category(), c.date());
                        p.set(previous, before.withEnd(effective.minusDays(1)));
                        p.set(next, after.withStart(effective));
                    }
                    case AMEND_CATEGORY -> {
                        LocalDate effective = CategoryChangePolicy.effectiveDate(before.details().category(),
                                c.details().category(), t.eventDate());
                        p.set(previous, before.withEnd(effective.minusDays(1)));
                        p.set(next, after.withStart(effective).withDetails(c.details()));
                    }
                }
            }
            case INTERRUPTION, CESSATION, TRANSFER -> {
                int i = index(p, t.closed());
                PeriodState period = p.get(i);
                switch (c.action()) {
                    case CANCEL -> {
                        if (i + 1 < p.size()) {
                            throw new RuleViolation("correct-later-first", p.get(i + 1).start());
                        }
                        p.set(i, period.reopened());
                    }
                    case AMEND_DATE -> {
                        if (t.type() == TransitionType.TRANSFER) {
                            throw new RuleViolation("correction-not-possible", "@transition." + t.type()).on("action");
                        }
                        p.set(i, period.withEnd(c.date()));
                        if (i + 1 < p.size() && p.get(i + 1).openedBy() == TransitionType.RESUMPTION) {
                            requireResumptionAfter(p.get(i), p.get(i + 1));
                        }
                    }
                    case AMEND_CATEGORY -> throw new RuleViolation("correction-not-possible", "@transition." + t.type()).on("action");
                }
            }
            case RESUMPTION -> {
                int i = index(p, t.opened());
                PeriodState period = p.get(i);
                switch (c.action()) {
                    case CANCEL -> {
                        requireNotContinued(p, i);
                        if (period.end() != null) {
                            throw new RuleViolation("correct-later-first", period.end());
                        }
                        p.remove(i);
                    }
                    case AMEND_DATE -> {
                        PeriodState moved = period.withStart(c.date());
                        if (i > 0) {
                            requireResumptionAfter(p.get(i - 1), moved);
                        }
                        p.set(i, moved);
                    }
                    case AMEND_CATEGORY -> p.set(i, period.withDetails(c.details()));
                }
            }
        }
        check(p);
        return p;
    }

    /** A period continued by a change of category or a resumption cannot go before what continues it. */
    private static void requireNotContinued(List<PeriodState> p, int i) {
        if (i + 1 < p.size() && p.get(i + 1).openedBy() != TransitionType.REGISTRATION) {
            throw new RuleViolation("correct-later-first", p.get(i + 1).start());
        }
    }

    private static void requireResumptionAfter(PeriodState interrupted, PeriodState resumed) {
        if (interrupted.end() != null && Quarter.of(resumed.start()).compareTo(Quarter.of(interrupted.end())) <= 0) {
            throw new RuleViolation("resumption-in-same-quarter", Quarter.of(interrupted.end()).toString()).on("date");
        }
    }

    /** The rules every list of periods keeps. */
    static void check(List<PeriodState> p) {
        int open = 0;
        for (int i = 0; i < p.size(); i++) {
            PeriodState a = p.get(i);
            if (a.end() != null && a.end().isBefore(a.start())) {
                throw new RuleViolation("correction-period-inverted", a.start(), a.end()).on("date");
            }
            if (a.end() == null) {
                open++;
            }
            if (i > 0) {
                PeriodState b = p.get(i - 1);
                if (b.end() == null || !b.end().isBefore(a.start())) {
                    throw new RuleViolation("correction-overlap", b.start(), a.start()).on("date");
                }
                if (a.openedBy() == TransitionType.CATEGORY_CHANGE && a.details().category() == b.details().category()) {
                    throw new RuleViolation("same-category", "@category." + a.details().category()).on("category.category");
                }
            }
        }
        if (open > 1) {
            throw new RuleViolation("correction-two-open");
        }
    }

    private static int index(List<PeriodState> p, UUID id) {
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new RuleViolation("correction-period-gone");
    }
}
