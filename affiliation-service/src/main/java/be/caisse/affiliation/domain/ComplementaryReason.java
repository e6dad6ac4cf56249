package be.caisse.affiliation.domain;

/** What makes an activity complementary (REFERENCE.md §1.2). */
public enum ComplementaryReason {
    /** Private-sector employment of at least half of full time. */
    EMPLOYMENT_AT_LEAST_HALF_TIME,
    /** Public-sector statutory job, at least half-time and 8 months / 200 days a year. */
    PUBLIC_SECTOR,
    /** Teaching, at least 6/10 (tenured or contractual) or 5/10 otherwise. */
    TEACHING,
    /** A replacement income: sickness, unemployment, SWT/brugpensioen… */
    REPLACEMENT_INCOME
}
