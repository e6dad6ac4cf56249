package be.caisse.recovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REFERENCE.md §5.4: a co-debtor answers for the quarters of the debt its link (a mandate, a help) covers, even in part. */
class JointLiabilityTest {
    @ParameterizedTest(name = "link {0} to {1}: {2}")
    @CsvSource({
            // a mandate for the whole year: every quarter of it
            "2026-01-01, ,           2026-Q1 2026-Q2 2026-Q3",
            // a mandate from 15 May: the quarter it started in (in part) and the following ones
            "2026-05-15, ,           2026-Q2 2026-Q3",
            // ended on 31 March: the first quarter only
            "2025-06-01, 2026-03-31, 2026-Q1",
            // ended before the debt: nothing
            "2024-01-01, 2025-12-31, ''",
    })
    void theQuartersALinkCovers(LocalDate from, LocalDate until, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, JointLiability.covered(List.of("2026-Q1", "2026-Q2", "2026-Q3"), from, until));
    }
}
