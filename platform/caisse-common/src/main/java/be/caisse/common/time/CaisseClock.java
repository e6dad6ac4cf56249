package be.caisse.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of a service: the system clock in Brussels, shifted by an offset that an admin may set where the
 * clock is adjustable ({@code caisse.clock.adjustable=true}: the dev and test profiles, never production), so that
 * a demo or a test can walk through quarters, due dates and surcharges.
 */
public final class CaisseClock extends Clock {
    private final Clock system;
    private final boolean adjustable;
    private final AtomicReference<Duration> offset;

    public CaisseClock(Clock system, boolean adjustable) {
        this(system, adjustable, new AtomicReference<>(Duration.ZERO));
    }

    private CaisseClock(Clock system, boolean adjustable, AtomicReference<Duration> offset) {
        this.system = system;
        this.adjustable = adjustable;
        this.offset = offset;
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** Moves the clock so that today is the given date (the time of day keeps running). */
    public void setToday(LocalDate today) {
        if (!adjustable) {
            throw new IllegalStateException("The clock is not adjustable here");
        }
        // the same time of day on that date, in the fund's zone: whole days of 24 h would cross midnight where a
        // change of summer time lies between (23:30 in December + 130 days is 00:30 the next day in summer)
        java.time.ZonedDateTime real = java.time.ZonedDateTime.now(system);
        offset.set(Duration.between(real.toInstant(), real.with(today).toInstant()));
    }

    /** Back to the real date. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new CaisseClock(system.withZone(zone), adjustable, offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }
}
