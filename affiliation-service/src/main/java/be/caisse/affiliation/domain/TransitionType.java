package be.caisse.affiliation.domain;

/** What changed in an affiliation, as the dossier's trail records it. */
public enum TransitionType {
    /** Inscription: opens the first period. */
    REGISTRATION,
    /** Changement de catégorie: closes a period and opens the next in another category. */
    CATEGORY_CHANGE,
    /** Interruption: closes the period; a resumption may follow. */
    INTERRUPTION,
    /** Reprise: opens a period after an interruption. */
    RESUMPTION,
    /** Cessation: closes the period with its reason. */
    CESSATION,
    /** Changement de caisse: closes the period the day before the transfer takes effect. */
    TRANSFER;

    /** Whether the transition opens a period (else it closes one; a category change does both). */
    public boolean opens() {
        return this == REGISTRATION || this == CATEGORY_CHANGE || this == RESUMPTION;
    }
}
