package be.caisse.contribution.domain;

/**
 * A quarter of a self-employed career as the fund reports it to INASTI for the pension (REFERENCE.md §1, §2.11:
 * the quarters of liability build pension rights when their contributions are paid; an assimilated quarter builds
 * them without contributions; a dispensed quarter keeps health-care rights but builds no pension unless bought back
 * within 5 years).
 */
public final class CareerQuarter {
    public enum Status {
        /** Liable, its notice issued and its contributions paid. */
        PAID,
        /** Not due by a decision that keeps the rights (carer leave, maternity relief). */
        ASSIMILATED,
        /** Contributions dispensed by INASTI (dispense de cotisations). */
        DISPENSED,
        /** Liable and not (wholly) paid. */
        UNPAID,
        NOT_LIABLE
    }

    /** What the account says of one quarter. */
    public record Facts(boolean liable, boolean assimilated, boolean dispensed, boolean noticeIssued, boolean settled) {
    }

    private CareerQuarter() {
    }

    /** An assimilation comes before a dispensation: a quarter not due at all needs no dispensation. */
    public static Status of(Facts f) {
        if (!f.liable()) {
            return Status.NOT_LIABLE;
        }
        if (f.assimilated()) {
            return Status.ASSIMILATED;
        }
        if (f.noticeIssued() && f.settled()) {
            return Status.PAID;
        }
        return f.dispensed() ? Status.DISPENSED : Status.UNPAID;
    }
}
