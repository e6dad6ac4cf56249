package be.caisse.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock of a service: quarters, due dates and deadlines are Belgian dates, so the zone is Brussels. */
@ApplicationScoped
public class ClockProducer {
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @ConfigProperty(name = "caisse.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @Produces
    @Singleton
    @DefaultBean
    @Typed(CaisseClock.class) // injected as Clock through the producer below only, so that Clock stays unambiguous
    CaisseClock caisseClock() {
        return new CaisseClock(Clock.system(BRUSSELS), adjustable);
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(CaisseClock caisseClock) {
        return caisseClock;
    }
}
