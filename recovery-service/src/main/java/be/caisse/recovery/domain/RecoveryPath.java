package be.caisse.recovery.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timers of the path and the guards of its judicial steps. The delays before the reminders are this fund's
 * choice (REFERENCE.md §5.2 gives no figure: parameters); the one-month window after the registered last reminder
 * (art. 46 AR 19/12/1967) and the one month for opposition after service (art. 47bis) are the law's.
 */
public final class RecoveryPath {
    private RecoveryPath() {
    }

    /**
     * @param reminderDays       after the due date, the first reminder with an account statement
     * @param secondReminderDays after the first reminder, the second
     * @param lastReminderDays   after the second reminder, the registered last reminder (art. 46)
     * @param windowMonths       the member's time to contest or ask for terms by registered letter (1 month)
     * @param oppositionMonths   the time to oppose a served contrainte (1 month)
     */
    public record Timers(int reminderDays, int secondReminderDays, int lastReminderDays, int windowMonths, int oppositionMonths) {
        public Timers {
            if (reminderDays < 1 || secondReminderDays < 1 || lastReminderDays < 1 || windowMonths < 1 || oppositionMonths < 1) {
                throw new IllegalArgumentException("Every delay of the recovery path is at least one day or month");
            }
        }
    }

    /** The automatic move a case makes when its timer falls due, and when. */
    public record Timer(CaseState to, LocalDate on) {
    }

    /** The next automatic move from {@code state}, entered on {@code since}; none while an agent must act. */
    public static Optional<Timer> timer(CaseState state, LocalDate since, Timers t) {
        return Optional.ofNullable(switch (state) {
            case OPEN -> new Timer(CaseState.REMINDED, since.plusDays(t.reminderDays()));
            case REMINDED -> new Timer(CaseState.SECOND_REMINDED, since.plusDays(t.secondReminderDays()));
            case SECOND_REMINDED -> new Timer(CaseState.LAST_REMINDER, since.plusDays(t.lastReminderDays()));
            // the day after the window: a contestation or a request for terms was possible until its last day
            case LAST_REMINDER -> new Timer(CaseState.AWAITING_JUDICIAL_STEP, windowEnd(since, t).plusDays(1));
            case CONTRAINTE_SERVED -> new Timer(CaseState.ENFORCEMENT, oppositionEnd(since, t).plusDays(1));
            default -> null;
        });
    }

    /** The last day to contest or ask for payment terms after the registered last reminder sent on {@code sent}. */
    public static LocalDate windowEnd(LocalDate sent, Timers t) {
        return sent.plusMonths(t.windowMonths());
    }

    /** The last day to oppose a contrainte served on {@code served}. */
    public static LocalDate oppositionEnd(LocalDate served, Timers t) {
        return served.plusMonths(t.oppositionMonths());
    }

    /** The judicial steps the fund may take. */
    public enum Step { CONTRAINTE, SUMMONS }

    /**
     * Why a judicial step cannot be taken now (empty: it can). The personal contact before any first judicial step is
     * this fund's charter promise, kept as a hard rule (REFERENCE.md §10.8); a motivated contestation in time makes a
     * contrainte irregular, so only a summons remains.
     */
    public static List<String> refusals(Step step, CaseState state, boolean contactMade, boolean planKept, boolean insolvent) {
        List<String> why = new ArrayList<>();
        if (!contactMade) {
            why.add("personal-contact-missing");
        }
        if (planKept) {
            why.add("payment-plan-kept");
        }
        if (insolvent) {
            why.add("insolvency-suspends");
        }
        switch (step) {
            case CONTRAINTE -> {
                if (state == CaseState.CONTESTED) {
                    why.add("contested-summons-only");
                } else if (state != CaseState.AWAITING_JUDICIAL_STEP) {
                    why.add(before(state) ? "last-reminder-window-open" : "judicial-step-taken");
                }
            }
            case SUMMONS -> {
                if (state != CaseState.AWAITING_JUDICIAL_STEP && state != CaseState.CONTESTED) {
                    why.add(before(state) ? "last-reminder-window-open" : "judicial-step-taken");
                }
            }
        }
        return List.copyOf(why);
    }

    private static boolean before(CaseState s) {
        return s == CaseState.OPEN || s == CaseState.REMINDED || s == CaseState.SECOND_REMINDED || s == CaseState.LAST_REMINDER;
    }
}
