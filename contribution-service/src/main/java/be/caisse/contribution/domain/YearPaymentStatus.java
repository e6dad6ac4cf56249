package be.caisse.contribution.domain;

import java.util.List;

/**
 * Whether a year's contributions are paid, as a mutuality asks it (REFERENCE.md §6, the contribution slip that opens
 * the year's health-care rights): every quarter in which the person was liable is paid (its notice issued and its
 * balance settled) or exempted (not due by a decision that keeps the rights: carer leave, maternity relief, a
 * bridging right). A year with no liable quarter is not the fund's to answer for.
 */
public final class YearPaymentStatus {
    public enum QuarterStatus { PAID, UNPAID, EXEMPTED, NOT_LIABLE }

    public enum Status { PAID, UNPAID, NOT_LIABLE }

    /** What the account says of one quarter. */
    public record QuarterFacts(String quarter, boolean liable, boolean exempted, boolean noticeIssued, boolean settled) {
    }

    public record QuarterLine(String quarter, QuarterStatus status) {
    }

    public record Result(int year, Status status, List<QuarterLine> quarters) {
        /** The quarters a contribution slip lists: those in which the person was liable. */
        public List<String> liableQuarters() {
            return quarters.stream().filter(q -> q.status() != QuarterStatus.NOT_LIABLE).map(QuarterLine::quarter).toList();
        }
    }

    private YearPaymentStatus() {
    }

    public static QuarterStatus of(QuarterFacts f) {
        if (!f.liable()) {
            return QuarterStatus.NOT_LIABLE;
        }
        if (f.exempted()) {
            return QuarterStatus.EXEMPTED;
        }
        return f.noticeIssued() && f.settled() ? QuarterStatus.PAID : QuarterStatus.UNPAID;
    }

    public static Result of(int year, List<QuarterFacts> facts) {
        List<QuarterLine> lines = facts.stream().map(f -> new QuarterLine(f.quarter(), of(f))).toList();
        boolean liable = lines.stream().anyMatch(l -> l.status() != QuarterStatus.NOT_LIABLE);
        boolean unpaid = lines.stream().anyMatch(l -> l.status() == QuarterStatus.UNPAID);
        return new Result(year, !liable ? Status.NOT_LIABLE : unpaid ? Status.UNPAID : Status.PAID, lines);
    }
}
