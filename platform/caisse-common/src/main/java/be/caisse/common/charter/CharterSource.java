package be.caisse.common.charter;

import be.caisse.common.domain.CharterFigure;
import java.time.LocalDate;
import java.util.List;

/**
 * A service's charter figures, computed from its own data for a period (both days included). Each service has one;
 * {@link CharterEndpoints} serves it, {@link CharterWatch} turns it into gauges and breach events.
 */
public interface CharterSource {
    /** The short name of the service in the metric names ({@code benefits}). */
    String service();

    List<CharterFigure> figures(LocalDate from, LocalDate to);
}
