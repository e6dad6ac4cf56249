package be.caisse.common.charter;

import be.caisse.common.domain.CharterFigure;
import be.caisse.common.outbox.EventPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the service's charter figures as Prometheus gauges over a rolling window ending today (the same figures
 * {@link CharterEndpoints} serves without a period), recomputed from the data at each refresh — a restart loses
 * nothing, as no counter is kept. A must-be-100 % figure that is not is logged as a warning at each refresh, and told
 * once a day as {@value #BREACH_DETECTED} on the service's charter topic.
 */
@ApplicationScoped
public class CharterWatch {
    private static final Logger LOG = Logger.getLogger(CharterWatch.class);
    public static final String BREACH_DETECTED = "be.caisse.charter.breach-detected.v1";

    @Inject
    Instance<CharterSource> sources;

    @Inject
    MeterRegistry registry;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.charter.window-days", defaultValue = "365")
    int windowDays;

    @ConfigProperty(name = "caisse.charter.topic")
    String topic;

    private final Map<String, Double> values = new ConcurrentHashMap<>();

    /** Data of {@value #BREACH_DETECTED}. */
    public record BreachDetected(String service, String figure, String metric, String commitment, BigDecimal value, long basis,
                                 BigDecimal target, LocalDate windowFrom, LocalDate windowTo, LocalDate detectedOn) {
    }

    /** The rolling window ending on {@code today}: {@code caisse.charter.window-days} days, today included. */
    public LocalDate windowFrom(LocalDate today) {
        return today.minusDays(windowDays - 1L);
    }

    @Scheduled(every = "${caisse.charter.refresh:5m}", delayed = "${caisse.charter.first-refresh:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a figure that cannot be computed now is computed at the next refresh; the gauges keep their last value
            LOG.warnf("The charter figures could not be refreshed: %s", e.toString());
        }
    }

    /** Recomputes every figure of the window, updates the gauges, and reports the breaches; answers the figures. */
    public List<CharterFigure> refresh() {
        if (sources.isUnsatisfied()) {
            return List.of();
        }
        CharterSource source = sources.get();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = windowFrom(today);
        List<CharterFigure> figures = QuarkusTransaction.requiringNew().call(() -> source.figures(from, today));
        for (CharterFigure f : figures) {
            String metric = CharterView.metric(source.service(), f);
            boolean fresh = values.put(metric, f.value() == null ? Double.NaN : f.value().doubleValue()) == null;
            if (fresh) {
                Gauge.builder(metric, values, m -> m.getOrDefault(metric, Double.NaN))
                        .description(f.definition()).tag("service", source.service()).register(registry);
            }
            if (f.breach()) {
                LOG.warnf("Charter breach: %s is %s %% (%d cases, %s to %s), it must be 100 %%: %s", metric, f.value(), f.basis(),
                        from, today, f.commitment());
                QuarkusTransaction.requiringNew().run(() -> tell(source.service(), metric, f, from, today));
            }
        }
        return figures;
    }

    private void tell(String service, String metric, CharterFigure f, LocalDate from, LocalDate today) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO charter_breach (figure, detected_on, value, basis, window_from, window_to, detected_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, metric).setParameter(2, today).setParameter(3, f.value()).setParameter(4, f.basis())
                .setParameter(5, from).setParameter(6, today).setParameter(7, OffsetDateTime.now(clock)).executeUpdate();
        if (inserted == 1) {
            events.publish(topic, BREACH_DETECTED, metric, metric, new BreachDetected(service, f.key(), metric, f.commitment(),
                    f.value(), f.basis(), f.target(), from, today, today));
        }
    }
}
