package be.caisse.recovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Judicial interest at the 7 % REFERENCE.md §5.2 quotes (UCM, not verified: a parameter), simple, days over 365. */
class JudicialInterestTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a year on €1,000                               | 1000.00 | 0.07 | 2026-01-01 | 2027-01-01 | 70.00",
            "100 days on the €926.48 of a quarter          | 926.48  | 0.07 | 2026-09-01 | 2026-12-10 | 17.77",
            "the day of the summons itself: nothing yet     | 926.48  | 0.07 | 2026-09-01 | 2026-09-01 | 0.00",
            "a reckoning before the summons: nothing        | 926.48  | 0.07 | 2026-09-01 | 2026-08-01 | 0.00",
            "nothing open, nothing accrues                  | 0.00    | 0.07 | 2026-09-01 | 2027-09-01 | 0.00",
            "another rate (the parameter)                   | 1000.00 | 0.045 | 2026-01-01 | 2026-07-02 | 22.44",
    })
    void accrued(String rule, BigDecimal principal, BigDecimal rate, LocalDate from, LocalDate to, BigDecimal expected) {
        assertEquals(expected, JudicialInterest.accrued(principal, rate, from, to), rule);
    }
}
