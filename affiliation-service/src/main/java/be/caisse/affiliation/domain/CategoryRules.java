package be.caisse.affiliation.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Whether a person may be in a category on a date (REFERENCE.md §1.2):
 * <ul>
 * <li>complementary: one of the reasons that make it complementary must be given;</li>
 * <li>helping spouse: the partner helped is named; mini-statut only for those born before 1956;</li>
 * <li>student-independent: at least 18 and under 25, enrolled, at least 27 credits;</li>
 * <li>after pension age: the legal pension age is reached; the opt-out exists since 1 October 2025.</li>
 * </ul>
 */
public final class CategoryRules {
    public static final int STUDENT_MIN_AGE = 18;
    public static final int STUDENT_AGE_LIMIT = 25;
    public static final int STUDENT_MIN_CREDITS = 27;
    public static final int MINI_STATUT_BORN_BEFORE = 1956;
    public static final LocalDate PENSION_OPT_OUT_FROM = LocalDate.of(2025, 10, 1);

    private CategoryRules() {
    }

    public static void check(CategoryDetails d, LocalDate birthDate, LocalDate on) {
        switch (d.category()) {
            case PRINCIPAL -> { }
            case COMPLEMENTARY -> {
                if (d.complementaryReason() == null) {
                    throw new AffiliationRuleViolation("complementary-reason-missing",
                            "A complementary activity needs its reason (employment of at least half time, public sector, teaching or a replacement income).");
                }
            }
            case HELPING_SPOUSE -> {
                if (d.helpedPartnerNiss() == null) {
                    throw new AffiliationRuleViolation("helped-partner-missing",
                            "A helping spouse is affiliated with the self-employed partner they help: give the partner's NISS.");
                }
                HelpingSpouseStatus status = d.helpingSpouseStatus() == null ? HelpingSpouseStatus.MAXI : d.helpingSpouseStatus();
                if (status == HelpingSpouseStatus.MINI && (birthDate == null || birthDate.getYear() >= MINI_STATUT_BORN_BEFORE)) {
                    throw new AffiliationRuleViolation("mini-statut-not-allowed",
                            "The mini-statut is only possible for helping spouses born before 1956; the maxi-statut applies.");
                }
            }
            case STUDENT -> {
                int age = ageOn(birthDate, on);
                if (age < STUDENT_MIN_AGE || age >= STUDENT_AGE_LIMIT) {
                    throw new AffiliationRuleViolation("student-age",
                            "The student-independent status is for students of at least 18 and under 25 (age on " + on + ": " + age + ").");
                }
                if (d.studentInstitution() == null || d.studentInstitution().isBlank()) {
                    throw new AffiliationRuleViolation("student-enrolment",
                            "A student-independent must be enrolled in a recognised institution: give it.");
                }
                if (d.studentCredits() == null || d.studentCredits() < STUDENT_MIN_CREDITS) {
                    throw new AffiliationRuleViolation("student-credits",
                            "A student-independent must be enrolled for at least 27 credits.");
                }
            }
            case AFTER_PENSION_AGE -> {
                int age = ageOn(birthDate, on);
                if (age < PensionAge.on(on)) {
                    throw new AffiliationRuleViolation("pension-age-not-reached",
                            "The legal pension age (" + PensionAge.on(on) + ") is not reached on " + on + ".");
                }
                if (d.pensionOptOut() && on.isBefore(PENSION_OPT_OUT_FROM)) {
                    throw new AffiliationRuleViolation("pension-opt-out-too-early",
                            "The opt-out after pension age exists since 1 October 2025.");
                }
            }
        }
    }

    /** The day the student status ends by age: the 25th birthday. */
    public static LocalDate studentAgeLimit(LocalDate birthDate) {
        return birthDate.plusYears(STUDENT_AGE_LIMIT);
    }

    static int ageOn(LocalDate birthDate, LocalDate on) {
        if (birthDate == null) {
            throw new AffiliationRuleViolation("birth-date-unknown",
                    "The birth date is needed for this category and the NISS does not carry it: record it first.");
        }
        return Period.between(birthDate, on).getYears();
    }
}
