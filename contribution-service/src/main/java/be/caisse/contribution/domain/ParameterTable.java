package be.caisse.contribution.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The yearly parameters known to the fund; a year without its own row uses none (never a silent guess). */
public final class ParameterTable {
    private final TreeMap<Integer, YearlyParameters> byYear = new TreeMap<>();

    public ParameterTable(Collection<YearlyParameters> years) {
        years.forEach(p -> byYear.put(p.year(), p));
    }

    public Optional<YearlyParameters> forYear(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    public Map<Integer, YearlyParameters> all() {
        return Map.copyOf(byYear);
    }
}
