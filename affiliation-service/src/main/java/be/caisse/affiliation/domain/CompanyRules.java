package be.caisse.affiliation.domain;

import java.time.LocalDate;

/** A company affiliates within 3 months of filing its deed of incorporation (REFERENCE.md §1.2, §1.3). */
public final class CompanyRules {
    public static final int AFFILIATION_MONTHS_AFTER_DEED = 3;

    private CompanyRules() {
    }

    public static boolean lateAffiliation(LocalDate incorporation, LocalDate affiliation) {
        return affiliation.isAfter(incorporation.plusMonths(AFFILIATION_MONTHS_AFTER_DEED));
    }
}
