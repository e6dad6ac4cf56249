package be.caisse.benefits.domain;

import be.caisse.common.domain.RuleViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The effective-dated amounts of the benefits: for a kind and a date, the row in force on that date (the latest row
 * valid from that date or earlier). A benefit is computed with the row in force on the date its rule names: the
 * month of the benefit (bridging right, carer leave), the birth, the death.
 */
public final class AmountTable {
    private final List<EffectiveAmount> rows;

    public AmountTable(List<EffectiveAmount> rows) {
        this.rows = rows.stream().sorted(Comparator.comparing(EffectiveAmount::kind).thenComparing(EffectiveAmount::validFrom)).toList();
    }

    public List<EffectiveAmount> rows() {
        return rows;
    }

    public Optional<EffectiveAmount> find(AmountKind kind, LocalDate on) {
        EffectiveAmount found = null;
        for (EffectiveAmount r : rows) {
            if (r.kind() == kind && !r.validFrom().isAfter(on)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The row in force; a {@link RuleViolation} {@code amount-not-known} when the table starts later. */
    public EffectiveAmount inForce(AmountKind kind, LocalDate on) {
        return find(kind, on).orElseThrow(() -> new RuleViolation("amount-not-known", kind.name(), on));
    }

    /** Reads {@code kind;validFrom;amount;status;source} lines ({@code #} starts a comment). */
    public static AmountTable parse(Reader in) {
        List<EffectiveAmount> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(";", 5);
                if (f.length < 4) {
                    throw new IllegalArgumentException("line " + n + ": kind;validFrom;amount;status;source expected");
                }
                rows.add(new EffectiveAmount(AmountKind.valueOf(f[0].strip()), LocalDate.parse(f[1].strip()),
                        new BigDecimal(f[2].strip()), f[3].strip(), f.length > 4 ? f[4].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AmountTable(rows);
    }
}
