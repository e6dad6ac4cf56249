package be.caisse.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock of a service: quarters, due dates and deadlines are Belgian dates, so the zone is Brussels. */
@ApplicationScoped
public class ClockProducer {
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(BRUSSELS);
    }
}
