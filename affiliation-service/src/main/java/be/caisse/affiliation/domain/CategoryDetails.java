package be.caisse.affiliation.domain;

/**
 * A category with what the law needs to know about it: the reason of a complementary activity, the statut of a
 * helping spouse and the partner helped, a student's enrolment, the opt-out after pension age.
 */
public record CategoryDetails(Category category, ComplementaryReason complementaryReason,
                              HelpingSpouseStatus helpingSpouseStatus, String helpedPartnerNiss,
                              String studentInstitution, Integer studentCredits, boolean pensionOptOut) {

    public static CategoryDetails principal() {
        return new CategoryDetails(Category.PRINCIPAL, null, null, null, null, null, false);
    }

    public static CategoryDetails of(Category category) {
        return new CategoryDetails(category, null, null, null, null, null, false);
    }
}
