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
        assertEquals(java.time.LocalTime.of(11, 15), java.time.LocalTime.now(clock), "the time of day in Brussels is kept");
        clock.reset();
        assertEquals(LocalDate.of(2026, 11, 26), LocalDate.now(clock));
    }

    @Test
    void lateInTheEveningTheDateAcrossAChangeOfSummerTimeIsStillTheOneAsked() {
        // 23:30 in Brussels in winter (22:30 UTC): to a summer date and back to a winter one
        CaisseClock clock = new CaisseClock(Clock.fixed(Instant.parse("2026-12-04T22:30:00Z"), ClockProducer.BRUSSELS), true);
        clock.setToday(LocalDate.of(2027, 4, 15));
        assertEquals(LocalDate.of(2027, 4, 15), LocalDate.now(clock));
        clock.setToday(LocalDate.of(2026, 10, 20));
        assertEquals(LocalDate.of(2026, 10, 20), LocalDate.now(clock));
        clock.setToday(LocalDate.of(2026, 12, 1));
        assertEquals(LocalDate.of(2026, 12, 1), LocalDate.now(clock));
    }

    @Test
    void aProductionClockCannotBeMoved() {
        CaisseClock clock = new CaisseClock(fixed, false);
        assertThrows(IllegalStateException.class, () -> clock.setToday(LocalDate.of(2027, 1, 1)));
        assertEquals(LocalDate.of(2026, 11, 26), LocalDate.now(clock));
    }
}
