package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The claim's life cycle: which moves are allowed (every other is refused). */
class ClaimStatusTest {
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "PROPOSED, FILED, true", "PROPOSED, WITHDRAWN, true", "PROPOSED, EXPIRED, true", "PROPOSED, PREPARED, false",
            "FILED, INFORMATION_REQUESTED, true", "INFORMATION_REQUESTED, FILED, true", "INFORMATION_REQUESTED, PREPARED, true",
            "FILED, PREPARED, true", "FILED, DECIDED, false", "PREPARED, DECIDED, true", "PREPARED, FILED, true",
            "DECIDED, PAID, true", "DECIDED, FILED, false", "PAID, CLOSED, true", "PAID, DECIDED, true", "PAID, FILED, false",
            "CLOSED, FILED, false", "WITHDRAWN, FILED, false",
            "EXPIRED, FILED, false", "DECIDED, WITHDRAWN, false",
    })
    void theMovesOfAClaim(ClaimStatus from, ClaimStatus to, boolean allowed) {
        assertEquals(allowed, from.canBecome(to));
    }
}
