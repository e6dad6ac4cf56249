package be.caisse.affiliation.domain;

/** Where a transition stands. */
public enum TransitionStatus {
    /** Dated ahead: takes effect on its date. */
    PLANNED,
    /** In effect. */
    APPLIED,
    /** Planned, then cancelled before it took effect. */
    CANCELLED,
    /** Applied, then undone by a correction (the correction says why). */
    REVOKED,
    /** Planned, but its date came when it no longer fitted the dossier (the reason says why): an agent decides. */
    FAILED
}
