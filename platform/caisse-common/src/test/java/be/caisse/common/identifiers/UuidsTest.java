package be.caisse.common.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
    @Test
    void versionSevenIetfVariantUniqueAndIncreasing() {
        Set<UUID> seen = new HashSet<>();
        UUID previous = Uuids.timeOrdered();
        for (int i = 0; i < 20_000; i++) {
            UUID next = Uuids.timeOrdered();
            assertEquals(7, next.version());
            assertEquals(2, next.variant());
            // ordered by their most significant half (what the index sorts on first)
            assertTrue(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()) > 0);
            assertTrue(seen.add(next));
            previous = next;
        }
    }

    @Test
    void theTimeIsReadable() {
        long before = System.currentTimeMillis();
        UUID id = Uuids.timeOrdered();
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis() + 5000);
    }
}
