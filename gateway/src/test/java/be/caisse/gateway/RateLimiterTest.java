package be.caisse.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-client token bucket, on a clock the test moves. */
class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheRateAndEachClientApart() {
        RateLimiter limiter = new RateLimiter(2, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.admit("lea", 0), "the burst");
        }
        assertEquals(1, limiter.admit("lea", 0), "over the burst: wait a second");
        assertEquals(0, limiter.admit("marc", 0), "another client is not held back");
        assertEquals(0, limiter.admit("lea", SECOND / 2), "half a second at 2/s gives one back");
        assertEquals(1, limiter.admit("lea", SECOND / 2));
        assertEquals(0, limiter.admit("lea", 10 * SECOND));
        // never more than the burst saved up, however long the client waited
        int admitted = 0;
        while (limiter.admit("lea", 100 * SECOND) == 0) {
            admitted++;
        }
        assertEquals(5, admitted);
    }

    @Test
    void aSlowRateAsksForSeveralSecondsAndZeroTurnsItOff() {
        RateLimiter slow = new RateLimiter(0.25, 1);
        assertEquals(0, slow.admit("x", 0));
        assertEquals(4, slow.admit("x", 0), "one request every 4 s");
        RateLimiter off = new RateLimiter(0, 1);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, off.admit("x", 0));
        }
    }
}
