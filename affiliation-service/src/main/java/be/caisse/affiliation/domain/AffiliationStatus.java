package be.caisse.affiliation.domain;

/** The state of one affiliation period. */
public enum AffiliationStatus {
    /** The current period (at most one per person). */
    ACTIVE,
    /** Closed by a change of category: a later period continues the affiliation. */
    CLOSED,
    /** The activity is interrupted; a resumption opens a new period. */
    INTERRUPTED,
    /** The activity ended (cessation, death, transfer to another fund). */
    CEASED,
    /** Recorded by mistake and cancelled by a correction: kept for the trail, no longer a period. */
    CANCELLED
}
