package be.caisse.affiliation.domain;

/** The social-status category of an affiliation (REFERENCE.md §1.2). */
public enum Category {
    /** Indépendant à titre principal / zelfstandige in hoofdberoep. */
    PRINCIPAL,
    /** À titre complémentaire / in bijberoep (employment ≥ 50 %, public sector, teaching, replacement income). */
    COMPLEMENTARY,
    /** Conjoint aidant / meewerkende echtgenoot (maxi-statut). */
    HELPING_SPOUSE,
    /** Étudiant-indépendant / student-zelfstandige (18–25, enrolled). */
    STUDENT,
    /** Activity after the legal pension age (pensionné actif). */
    AFTER_PENSION_AGE
}
