package be.caisse.affiliation.domain;

/** Statut of a helping spouse (conjoint aidant, REFERENCE.md §1.2). */
public enum HelpingSpouseStatus {
    /** Maxi-statut: mandatory for those born in 1956 or later; same rights as a principal. */
    MAXI,
    /** Mini-statut: incapacity, invalidity, maternity only; possible only for those born before 1956. */
    MINI
}
