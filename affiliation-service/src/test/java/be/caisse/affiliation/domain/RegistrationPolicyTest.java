package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REFERENCE.md §1.3: register before the start (up to 6 months ahead); liability from the first day of the
 * quarter of the start (indivisible quarters); a start in the past is accepted but late.
 */
class RegistrationPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest(name = "start {0} → liable from {1}, late {2}")
    @CsvSource({
            "2026-12-01, 2026-10-01, false",  // starts next month, quarter Q4 already begun: liable from 1 Oct
            "2027-01-01, 2027-01-01, false",
            "2027-02-15, 2027-01-01, false",
            "2027-05-26, 2027-04-01, false",  // exactly 6 months ahead is still allowed
            "2026-11-26, 2026-10-01, false",  // starting today is on time
            "2026-11-25, 2026-10-01, true",   // a start in the past: accepted, flagged late (fine risk)
            "2025-03-10, 2025-01-01, true",
    })
    void liabilityAndLateness(LocalDate start, LocalDate liableFrom, boolean late) {
        RegistrationPolicy.Decision d = RegistrationPolicy.decide(start, TODAY);
        assertEquals(liableFrom, d.liableFrom());
        assertEquals(late, d.late());
    }

    @ParameterizedTest(name = "start {0} is too far ahead")
    @CsvSource({"2027-05-27", "2028-01-01"})
    void tooFarAhead(LocalDate start) {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> RegistrationPolicy.decide(start, TODAY));
        assertEquals("start-too-far-ahead", e.code());
    }
}
