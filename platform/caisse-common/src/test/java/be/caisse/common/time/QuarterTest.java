package be.caisse.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quarters and their due dates (REFERENCE.md §2.8: due on the last day of the quarter). */
class QuarterTest {
    @ParameterizedTest(name = "{0} is in {1}, first day {2}, due {3}")
    @CsvSource({
            "2026-01-01, 2026-Q1, 2026-01-01, 2026-03-31",
            "2026-05-17, 2026-Q2, 2026-04-01, 2026-06-30",
            "2026-09-30, 2026-Q3, 2026-07-01, 2026-09-30",
            "2024-12-31, 2024-Q4, 2024-10-01, 2024-12-31",
            "2024-02-29, 2024-Q1, 2024-01-01, 2024-03-31",
    })
    void quarterOfADate(LocalDate date, String quarter, LocalDate first, LocalDate last) {
        Quarter q = Quarter.of(date);
        assertEquals(quarter, q.toString());
        assertEquals(first, q.firstDay());
        assertEquals(last, q.lastDay());
        assertEquals(q, Quarter.parse(quarter));
    }

    @ParameterizedTest
    @CsvSource({"2026-Q5", "2026-1", "Q1-2026"})
    void badText(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse(text));
    }
}
