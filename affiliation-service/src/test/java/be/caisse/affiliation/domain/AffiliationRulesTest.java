package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The affiliation rules of REFERENCE.md §1.2–§1.4, one table per rule. */
class AffiliationRulesTest {

    @ParameterizedTest(name = "§1.2 {0} → {1}, event {2}: effective {3}")
    @CsvSource({
            "COMPLEMENTARY, PRINCIPAL,     2026-05-17, 2026-04-01",  // first day of the quarter of the event
            "COMPLEMENTARY, PRINCIPAL,     2026-04-01, 2026-04-01",
            "PRINCIPAL,     COMPLEMENTARY, 2026-05-17, 2026-07-01",  // first day of the next quarter
            "PRINCIPAL,     COMPLEMENTARY, 2026-12-31, 2027-01-01",
            "STUDENT,       PRINCIPAL,     2026-02-10, 2026-01-01",  // student turning 25: more obligations at once
            "PRINCIPAL,     STUDENT,       2026-02-10, 2026-04-01",
    })
    void categoryChangeEffectiveDate(Category from, Category to, LocalDate event, LocalDate effective) {
        assertEquals(effective, CategoryChangePolicy.effectiveDate(from, to, event));
    }

    @ParameterizedTest(name = "{0}: born {1}, on {2} → {3}")
    @CsvSource({
            // category,        born,       on,         reason,                 status, partner,     institution, credits, optOut, expected code (or OK)
            "PRINCIPAL,         1985-07-14, 2026-01-01, ,                       ,       ,            ,            ,      false, OK",
            "COMPLEMENTARY,     1985-07-14, 2026-01-01, EMPLOYMENT_AT_LEAST_HALF_TIME, , ,           ,            ,      false, OK",
            "COMPLEMENTARY,     1985-07-14, 2026-01-01, ,                       ,       ,            ,            ,      false, complementary-reason-missing",
            "HELPING_SPOUSE,    1960-03-01, 2026-01-01, ,                       MAXI,   90030224653, ,            ,      false, OK",
            "HELPING_SPOUSE,    1955-03-01, 2026-01-01, ,                       MINI,   90030224653, ,            ,      false, OK",
            "HELPING_SPOUSE,    1956-01-01, 2026-01-01, ,                       MINI,   90030224653, ,            ,      false, mini-statut-not-allowed",
            "HELPING_SPOUSE,    1960-03-01, 2026-01-01, ,                       MAXI,   ,            ,            ,      false, helped-partner-missing",
            "STUDENT,           2005-06-01, 2026-01-01, ,                       ,       ,            ULB,         60,    false, OK",
            "STUDENT,           2008-06-01, 2026-01-01, ,                       ,       ,            ULB,         60,    false, student-age",
            "STUDENT,           2001-01-01, 2026-01-01, ,                       ,       ,            ULB,         60,    false, student-age",
            "STUDENT,           2001-01-02, 2026-01-01, ,                       ,       ,            ULB,         60,    false, OK",
            "STUDENT,           2005-06-01, 2026-01-01, ,                       ,       ,            ULB,         26,    false, student-credits",
            "STUDENT,           2005-06-01, 2026-01-01, ,                       ,       ,            ,            60,    false, student-enrolment",
            "AFTER_PENSION_AGE, 1958-05-01, 2026-01-01, ,                       ,       ,            ,            ,      true,  OK",
            "AFTER_PENSION_AGE, 1962-05-01, 2026-01-01, ,                       ,       ,            ,            ,      false, pension-age-not-reached",
            "AFTER_PENSION_AGE, 1950-05-01, 2025-06-01, ,                       ,       ,            ,            ,      true,  pension-opt-out-too-early",
    })
    void categoryConditions(Category category, LocalDate born, LocalDate on, ComplementaryReason reason,
                            HelpingSpouseStatus status, String partner, String institution, Integer credits,
                            boolean optOut, String expected) {
        CategoryDetails d = new CategoryDetails(category, reason, status, partner, institution, credits, optOut);
        if ("OK".equals(expected)) {
            assertDoesNotThrow(() -> CategoryRules.check(d, born, on));
        } else {
            RuleViolation e = assertThrows(RuleViolation.class, () -> CategoryRules.check(d, born, on));
            assertEquals(expected, e.code());
        }
    }

    @ParameterizedTest(name = "student born {0} loses the status on {1}")
    @CsvSource({"2005-06-01, 2030-06-01", "2004-02-29, 2029-02-28"})
    void studentAgeLimit(LocalDate born, LocalDate limit) {
        assertEquals(limit, CategoryRules.studentAgeLimit(born));
    }

    @ParameterizedTest(name = "period {0}–{1} vs {2}–{3}: overlap {4}")
    @CsvSource({
            "2020-01-01, 2022-12-31, 2023-01-01, ,           false",
            "2020-01-01, 2022-12-31, 2022-12-31, ,           true",
            "2020-01-01, ,           2023-01-01, 2023-06-30, true",
            "2024-01-01, 2024-06-30, 2020-01-01, 2023-12-31, false",
            "2024-01-01, 2024-06-30, 2024-03-01, 2024-04-30, true",
    })
    void noOverlappingPeriods(LocalDate s1, LocalDate e1, LocalDate s2, LocalDate e2, boolean overlap) {
        assertEquals(overlap, new AffiliationPeriod(s1, e1).overlaps(new AffiliationPeriod(s2, e2)));
        assertEquals(overlap, new AffiliationPeriod(s2, e2).overlaps(new AffiliationPeriod(s1, e1)));
    }

    @ParameterizedTest(name = "§1.3 activity {0}–{1}: liable {2}–{3}")
    @CsvSource({
            "2026-02-15, 2026-08-10, 2026-01-01, 2026-09-30",   // quarters are indivisible at both ends
            "2026-04-01, 2026-06-30, 2026-04-01, 2026-06-30",
            "2025-12-31, 2026-01-01, 2025-10-01, 2026-03-31",
    })
    void liabilityRunsOverWholeQuarters(LocalDate start, LocalDate end, LocalDate from, LocalDate until) {
        AffiliationPeriod p = new AffiliationPeriod(start, end);
        assertEquals(from, p.liableFrom());
        assertEquals(until, p.liableUntil());
    }

    @ParameterizedTest(name = "§1.4 request {0}, affiliated since {1} → {2}")
    @CsvSource({
            "2026-06-30, 2020-03-01, 2027-01-01",
            "2026-07-01, 2020-03-01, 2028-01-01",
            "2026-03-15, 2023-01-02, TOO_EARLY",   // one day short of 4 years on 1 January 2027
            "2026-03-15, 2024-06-01, TOO_EARLY",
            "2026-03-15, 2023-01-01, 2027-01-01",   // exactly 4 years
    })
    void fundChange(LocalDate request, LocalDate since, String expected) {
        FundChangePolicy policy = FundChangePolicy.asInReference();
        if ("TOO_EARLY".equals(expected)) {
            assertEquals("fund-change-too-early",
                    assertThrows(RuleViolation.class, () -> policy.effectiveDate(request, since)).code());
        } else {
            assertEquals(LocalDate.parse(expected), policy.effectiveDate(request, since));
        }
    }

    @ParameterizedTest(name = "§1.3 company deed {0}, affiliated {1}: late {2}")
    @CsvSource({"2026-01-15, 2026-04-15, false", "2026-01-15, 2026-04-16, true", "2026-01-15, 2026-01-10, false"})
    void companyAffiliationWithinThreeMonths(LocalDate deed, LocalDate affiliation, boolean late) {
        assertEquals(late, CompanyRules.lateAffiliation(deed, affiliation));
    }

    @ParameterizedTest(name = "pension age on {0}: {1}")
    @CsvSource({"2025-01-31, 65", "2025-02-01, 66", "2030-01-31, 66", "2030-02-01, 67"})
    void pensionAge(LocalDate on, int age) {
        assertEquals(age, PensionAge.on(on));
    }
}
