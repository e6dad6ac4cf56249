package be.caisse.common.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NISS rules of REFERENCE.md §1.5: mod 97, the 2000+ branch, BIS month offsets, sex from the serial. */
class NissTest {

    @ParameterizedTest(name = "{0} is valid: {1}, born {2}, {3}")
    @CsvSource({
            // niss,          kind,               birth date,  sex
            "85071412330,     NATIONAL_REGISTER,  1985-07-14,  MALE",     // serial 123: odd
            "90030224653,     NATIONAL_REGISTER,  1990-03-02,  FEMALE",   // serial 246: even
            "01051512394,     NATIONAL_REGISTER,  2001-05-15,  MALE",     // born from 2000: check on 2YYMMDDXXX
            "00010100204,     NATIONAL_REGISTER,  2000-01-01,  FEMALE",
            "85471412319,     BIS_SEX_KNOWN,      1985-07-14,  MALE",     // BIS, month + 40
            "85271412472,     BIS_SEX_UNKNOWN,    1985-07-14,  UNKNOWN",  // BIS, month + 20
            "'85.07.14-123.30', NATIONAL_REGISTER, 1985-07-14, MALE",   // separators are accepted
    })
    void validNumbers(String raw, Niss.Kind kind, LocalDate birth, Niss.Sex sex) {
        Niss niss = Niss.parse(raw);
        assertEquals(kind, niss.kind());
        assertEquals(birth, niss.birthDate().orElseThrow());
        assertEquals(sex, niss.sex());
        assertEquals(11, niss.value().length());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "85071412331,  check digits",
            "8507141233,   11 digits",
            "850714123301, 11 digits",
            "8507141233A,  11 digits",
            "85131412372,  month",         // month 13 with valid check digits
            "01051512395,  check digits",  // 2000+ number with a wrong check
    })
    void invalidNumbers(String raw, String reason) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> Niss.parse(raw));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals("niss", e.identifier());
        assertFalse(Niss.isValid(raw));
    }

    @ParameterizedTest
    @CsvSource({"85071412330", "90030224653"})
    void neverPrintedInClear(String raw) {
        Niss niss = Niss.parse(raw);
        assertFalse(niss.toString().contains(raw.substring(0, 6)), "birth date part must be masked");
        assertFalse(niss.toString().contains(raw));
    }
}
