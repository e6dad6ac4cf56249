package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A career quarter as reported to INASTI (REFERENCE.md §2.11: a dispensed quarter keeps health-care rights and
 * builds no pension unless bought back; an assimilated one builds it without contributions). L liable,
 * A assimilated, X dispensed, N notice issued, S settled.
 */
class CareerQuarterTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "LNS, PAID",
            "LN, UNPAID",
            "L, UNPAID",
            "LS, UNPAID",      // a credit without a notice pays no quarter
            "LA, ASSIMILATED",
            "LAX, ASSIMILATED", // not due at all: no dispensation needed
            "LX, DISPENSED",
            "LXN, DISPENSED",
            "LXNS, PAID",       // paid after all: the pension is built
            "'', NOT_LIABLE",
            "ANS, NOT_LIABLE",
    })
    void theStatusOfAQuarter(String facts, CareerQuarter.Status expected) {
        assertEquals(expected, CareerQuarter.of(new CareerQuarter.Facts(facts.contains("L"), facts.contains("A"), facts.contains("X"),
                facts.contains("N"), facts.contains("S"))));
    }
}
