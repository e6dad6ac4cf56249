package be.caisse.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaisseClockTest {
    private final Clock fixed = Clock.fixed(Instant.parse("2026-11-26T10:15:00Z"), ClockProducer.BRUSSELS);

    @Test
    void anAdjustableClockMovesToTheGivenDateAndKeepsTheTimeOfDay() {
        CaisseClock clock = new CaisseClock(fixed, true);
        clock.setToday(LocalDate.of(2027, 4, 1));
        assertEquals(LocalDate.of(2027, 4, 1), LocalDate.now(clock));
        assertEquals(java.time.Duration.ofDays(126), java.time.Duration.between(fixed.instant(), clock.instant()));
        clock.reset();
        assertEquals(LocalDate.of(2026, 11, 26), LocalDate.now(clock));
    }

    @Test
    void aProductionClockCannotBeMoved() {
        CaisseClock clock = new CaisseClock(fixed, false);
        assertThrows(IllegalStateException.class, () -> clock.setToday(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2026, 11, 26), LocalDate.now(clock));
    }
}
