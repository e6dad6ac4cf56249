package be.caisse.contribution.application;

import be.caisse.contribution.domain.ParameterTable;
import be.caisse.contribution.domain.YearlyParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Loads the versioned yearly parameter files ({@code parameters/<year>.properties}) shipped with the service. */
@ApplicationScoped
public class ParameterRepository {
    static final int[] YEARS = {2024, 2025, 2026};
    private final ParameterTable table;

    public ParameterRepository() {
        List<YearlyParameters> years = new ArrayList<>();
        for (int year : YEARS) {
            String path = "/parameters/" + year + ".properties";
            try (InputStream in = ParameterRepository.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Missing parameter file " + path);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                years.add(YearlyParameters.fromProperties(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        table = new ParameterTable(years);
    }

    public ParameterTable table() {
        return table;
    }
}
