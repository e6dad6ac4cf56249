package be.caisse.contribution.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.contribution.domain.ParameterTable;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.persistence.ParameterYearEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The yearly parameters in force. The versioned files ({@code parameters/<year>.properties}) seed the database
 * once; an admin can then add a year or correct one through the API, and the table used by every computation is
 * reloaded. Before the database is there (unit tests), the files alone serve.
 */
@ApplicationScoped
public class ParameterRepository {
    static final int[] FILE_YEARS = {2024, 2025, 2026};

    @Inject
    Clock clock;

    private volatile ParameterTable table = new ParameterTable(fromFiles().stream().map(YearlyParameters::fromProperties).toList());

    public ParameterTable table() {
        return table;
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Properties p : fromFiles()) {
                int year = Integer.parseInt(p.getProperty("year"));
                if (ParameterYearEntity.findById(year) == null) {
                    ParameterYearEntity row = new ParameterYearEntity();
                    row.year = year;
                    row.content = write(p);
                    row.origin = "FILE";
                    row.changedAt = OffsetDateTime.now(clock);
                    row.changedBy = "parameters/" + year + ".properties";
                    row.persist();
                }
            }
        });
        reload();
    }

    public void reload() {
        table = QuarkusTransaction.requiringNew().call(() -> new ParameterTable(ParameterYearEntity.<ParameterYearEntity>listAll()
                .stream().map(row -> YearlyParameters.fromProperties(read(row.content))).toList()));
    }

    /** Adds or replaces a year; the content is checked as a whole before anything is stored. */
    public ParameterYearEntity save(int year, Properties content, String by) {
        content.setProperty("year", Integer.toString(year));
        YearlyParameters checked;
        try {
            checked = YearlyParameters.fromProperties(content);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("parameters-invalid");
        }
        if (checked.t1().compareTo(checked.t2()) >= 0) {
            throw new RuleViolation("parameters-t1-t2").on("values.t1");
        }
        ParameterYearEntity saved = QuarkusTransaction.requiringNew().call(() -> {
            ParameterYearEntity row = ParameterYearEntity.findById(year);
            if (row == null) {
                row = new ParameterYearEntity();
                row.year = year;
            }
            row.content = write(content);
            row.origin = "ADMIN";
            row.changedAt = OffsetDateTime.now(clock);
            row.changedBy = by;
            row.persist();
            return row;
        });
        reload();
        return saved;
    }

    public static List<Properties> fromFiles() {
        List<Properties> years = new ArrayList<>();
        for (int year : FILE_YEARS) {
            String path = "/parameters/" + year + ".properties";
            try (InputStream in = ParameterRepository.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Missing parameter file " + path);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                years.add(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return years;
    }

    public static Properties read(String content) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(content));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Properties p) {
        try {
            StringWriter w = new StringWriter();
            p.store(w, null);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
