package be.caisse.benefits.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The deadlines of the Charter of the socially insured (loi du 11 avril 1995, REFERENCE.md §4, §10.7): a decision
 * within 4 months of the request, or of the fact for an examination on the fund's own initiative (art. 10), the
 * time waiting for the member's information not counted (art. 11); payment within 4 months of the notification.
 */
public final class CharterClock {
    public static final int DECISION_MONTHS = 4;
    public static final int PAYMENT_MONTHS = 4;
    /** After a reminder and this long without an answer, the fund decides on what it has (art. 11). */
    public static final int MONTHS_WITHOUT_ANSWER = 1;

    private CharterClock() {
    }

    public static LocalDate decisionDue(LocalDate started, long daysSuspended) {
        return started.plusMonths(DECISION_MONTHS).plusDays(daysSuspended);
    }

    public static LocalDate paymentDue(LocalDate notified) {
        return notified.plusMonths(PAYMENT_MONTHS);
    }

    /**
     * From when a benefit bears interest of right (art. 20): decided in time, once the payment deadline (4 months
     * from the notification) has passed; decided late — after the decision deadline, through the fund's delay —
     * from the expiry of that deadline, at the earliest from the benefit's own due date.
     */
    public static LocalDate interestFrom(LocalDate decisionDue, LocalDate notified, LocalDate benefitDue) {
        if (decisionDue != null && notified.isAfter(decisionDue)) {
            return benefitDue.isAfter(decisionDue) ? benefitDue : decisionDue;
        }
        return paymentDue(notified);
    }

    /** The days a request for information kept the clock still: from the request to the answer (or to today). */
    public static long suspendedDays(LocalDate requested, LocalDate answered) {
        return Math.max(0, ChronoUnit.DAYS.between(requested, answered));
    }

    public static long daysLeft(LocalDate due, LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    /** Where a claim stands against its deadline, with a margin (days) under which it is at risk. */
    public enum Standing { ON_TIME, AT_RISK, BREACHED }

    public static Standing standing(LocalDate due, LocalDate today, int marginDays) {
        long left = daysLeft(due, today);
        return left < 0 ? Standing.BREACHED : left <= marginDays ? Standing.AT_RISK : Standing.ON_TIME;
    }

    /** The date the fund may decide on what it has after a reminder left unanswered. */
    public static LocalDate decideWithoutAnswerFrom(LocalDate reminded) {
        return reminded.plusMonths(MONTHS_WITHOUT_ANSWER);
    }
}
