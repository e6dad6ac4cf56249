package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
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
        check(d, birthDate, on, "");
    }

    /**
     * @param prefix where the category's fields are in the request ({@code ""} at registration, {@code "category."}
     *               in a change), so that a refusal names the field a form shows
     */
    public static void check(CategoryDetails d, LocalDate birthDate, LocalDate on, String prefix) {
        switch (d.category()) {
            case PRINCIPAL -> { }
            case COMPLEMENTARY -> {
                if (d.complementaryReason() == null) {
                    throw new RuleViolation("complementary-reason-missing").on(prefix + "complementaryReason");
                }
            }
            case HELPING_SPOUSE -> {
                if (d.helpedPartnerNiss() == null) {
                    throw new RuleViolation("helped-partner-missing").on(prefix + "helpedPartnerNiss");
                }
                HelpingSpouseStatus status = d.helpingSpouseStatus() == null ? HelpingSpouseStatus.MAXI : d.helpingSpouseStatus();
                if (status == HelpingSpouseStatus.MINI && (birthDate == null || birthDate.getYear() >= MINI_STATUT_BORN_BEFORE)) {
                    throw new RuleViolation("mini-statut-not-allowed").on(prefix + "helpingSpouseStatus");
                }
            }
            case STUDENT -> {
                int age = ageOn(birthDate, on, prefix);
                if (age < STUDENT_MIN_AGE || age >= STUDENT_AGE_LIMIT) {
                    throw new RuleViolation("student-age", on, age).on(prefix + "category");
                }
                if (d.studentInstitution() == null || d.studentInstitution().isBlank()) {
                    throw new RuleViolation("student-enrolment").on(prefix + "studentInstitution");
                }
                if (d.studentCredits() == null || d.studentCredits() < STUDENT_MIN_CREDITS) {
                    throw new RuleViolation("student-credits", STUDENT_MIN_CREDITS).on(prefix + "studentCredits");
                }
            }
            case AFTER_PENSION_AGE -> {
                int age = ageOn(birthDate, on, prefix);
                if (age < PensionAge.on(on)) {
                    throw new RuleViolation("pension-age-not-reached", PensionAge.on(on), on).on(prefix + "category");
                }
                if (d.pensionOptOut() && on.isBefore(PENSION_OPT_OUT_FROM)) {
                    throw new RuleViolation("pension-opt-out-too-early", PENSION_OPT_OUT_FROM).on(prefix + "pensionOptOut");
                }
            }
        }
    }

    /** The day the student status ends by age: the 25th birthday. */
    public static LocalDate studentAgeLimit(LocalDate birthDate) {
        return birthDate.plusYears(STUDENT_AGE_LIMIT);
    }

    static int ageOn(LocalDate birthDate, LocalDate on, String prefix) {
        if (birthDate == null) {
            throw new RuleViolation("birth-date-unknown").on("birthDate");
        }
        return Period.between(birthDate, on).getYears();
    }
}
