package be.caisse.contribution.domain;

/** The category of the contributor, as published by affiliation-service (REFERENCE.md §1.2, §2.6). */
public enum ContributorCategory {
    PRINCIPAL, COMPLEMENTARY, HELPING_SPOUSE, STUDENT, AFTER_PENSION_AGE
}
