package be.caisse.affiliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.Prescription;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Birth dates and the NISS (§1.5), transitions dated ahead, the prescription horizon (§5.1), names as search compares them. */
class DatesAndNamesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "NISS {0}, given {1} → {2}")
    @CsvSource({
            "85071412330, ,           1985-07-14",   // the National Register number carries the date
            "85071412330, 1985-07-14, 1985-07-14",
            "85071412330, 1985-07-15, birth-date-niss",
            "01051512394, ,           2001-05-15",   // the \"2\" branch of the check digits: born in 2001, not 1901
            "01051512394, 1901-05-15, birth-date-niss",
            "88200003117, 1988-03-09, 1988-03-09",   // BIS, date unknown: the date given is kept
            "88200003117, 2027-01-01, birth-date-future",
            "88200003117, ,           ",
    })
    void birthDateAgreesWithTheNiss(String niss, LocalDate given, String expected) {
        if (expected != null && expected.startsWith("birth")) {
            assertEquals(expected, assertThrows(RuleViolation.class, () -> BirthDates.checked(Niss.parse(niss), given, TODAY)).code());
        } else {
            assertEquals(expected == null ? null : LocalDate.parse(expected), BirthDates.checked(Niss.parse(niss), given, TODAY));
        }
    }

    @ParameterizedTest(name = "transition dated {0} on 2026-12-01 → {1}")
    @CsvSource({"2026-11-30, APPLIED", "2026-12-01, APPLIED", "2026-12-02, PLANNED", "2027-06-01, PLANNED",
            "2027-06-02, date-too-far-ahead", "9999-12-31, date-too-far-ahead"})
    void transitionsAheadArePlannedForAtMostSixMonths(LocalDate date, String expected) {
        if (expected.startsWith("date")) {
            assertEquals(expected, assertThrows(RuleViolation.class, () -> TransitionSchedule.planned(date, TODAY, "date")).code());
        } else {
            assertEquals(expected.equals("PLANNED"), TransitionSchedule.planned(date, TODAY, "date"));
        }
    }

    @ParameterizedTest(name = "§5.1 on {0}, {1} is prescribed: {2} (prescribed on {3})")
    @CsvSource({
            "2026-12-01, 2021-Q1, false, 2027-01-01",
            "2026-12-31, 2021-Q4, false, 2027-01-01",
            "2027-01-01, 2021-Q4, true,  2027-01-01",
            "2026-12-01, 2020-Q4, true,  2026-01-01",
            "2026-12-01, 2026-Q4, false, 2032-01-01",
    })
    void prescriptionFiveYearsFromTheNextFirstOfJanuary(LocalDate today, String quarter, boolean prescribed, LocalDate on) {
        Prescription p = new Prescription(5);
        assertEquals(prescribed, p.isPrescribed(Quarter.parse(quarter), today));
        assertEquals(on, p.prescribedOn(Quarter.parse(quarter)));
    }

    @ParameterizedTest(name = "\"{0}\" is searched as \"{1}\"")
    @CsvSource({"Hélène, helene", "DUPRÉ-LEFÈVRE, dupre lefevre", "Straße, strasse", "Œuvre d'Art, oeuvre d art",
            "  Van  den Bossche , van den bossche"})
    void namesIgnoreCaseAndAccents(String name, String searchable) {
        assertEquals(searchable, Names.searchable(name));
    }

    @ParameterizedTest(name = "search text \"{0}\" → LIKE {1}")
    @CsvSource({"helene, %helene%", "50%, %50\\%%", "a_b, %a\\_b%"})
    void wildcardsAreMatchedLiterally(String query, String pattern) {
        assertEquals(pattern, Names.likePattern(query));
    }
}
