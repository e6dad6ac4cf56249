package be.caisse.common.charter;

import be.caisse.common.domain.CharterFigure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CharterFigures", description = "A service's charter figures for a period, computed from its data when asked")
public record CharterView(String service, LocalDate from, LocalDate to, OffsetDateTime computedAt,
                          @Schema(description = "Must-be-100 % figures that are not, by key") List<String> breaches,
                          List<Figure> figures) {

    @Schema(name = "CharterFigure")
    public record Figure(@Schema(description = "Stable name in the service") String key,
                         @Schema(description = "The Prometheus gauge of the same figure over the rolling window") String metric,
                         @Schema(description = "The charter's commitment (or the legal article) measured") String commitment,
                         @Schema(description = "How the figure is computed") String definition,
                         @Schema(enumeration = {"PERCENT", "DAYS", "COUNT", "EUROS"}) String unit,
                         @Schema(description = "Null when there was nothing to measure") BigDecimal value,
                         @Schema(description = "How many cases the figure rests on") long basis,
                         @Schema(description = "The target, null when reported without one") BigDecimal target,
                         @Schema(enumeration = {"AT_LEAST", "AT_MOST"}) String direction,
                         @Schema(description = "The law or the charter requires 100 %") boolean mustBeFull,
                         @Schema(enumeration = {"KEPT", "BREACHED", "NO_DATA", "INFORMATIVE"}) String status) {
    }

    /** The gauge of a figure: {@code caisse_charter_<service>_<key>_<unit>} (the unit once, if the key ends with it). */
    public static String metric(String service, CharterFigure f) {
        String name = f.key().replace('-', '_');
        String unit = "_" + f.unit().suffix();
        return "caisse_charter_" + service + "_" + name + (name.endsWith(unit) ? "" : unit);
    }

    public static CharterView of(String service, LocalDate from, LocalDate to, OffsetDateTime at, List<CharterFigure> figures) {
        return new CharterView(service, from, to, at,
                figures.stream().filter(CharterFigure::breach).map(CharterFigure::key).toList(),
                figures.stream().map(f -> new Figure(f.key(), metric(service, f), f.commitment(), f.definition(), f.unit().name(),
                        f.value(), f.basis(), f.target(), f.direction().name(), f.mustBeFull(), f.status().name())).toList());
    }
}
