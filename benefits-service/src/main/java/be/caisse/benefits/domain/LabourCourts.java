package be.caisse.benefits.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The labour court (tribunal du travail / arbeidsrechtbank / Arbeitsgericht) competent for a member's address, by
 * postal code: a decision names it with its address (art. 14 of the Charter). In Brussels the court is chosen by
 * the member's language (French- or Dutch-speaking court). The table is data ({@code courts/labour-courts.csv}).
 */
public final class LabourCourts {
    /** One row: postal codes {@code from}–{@code to}, for a language (or {@code *}), the court and its address. */
    public record Court(int from, int to, String language, String name, String address, boolean confirmed) {
    }

    private final List<Court> courts;

    public LabourCourts(List<Court> courts) {
        this.courts = List.copyOf(courts);
    }

    public List<Court> courts() {
        return courts;
    }

    public Optional<Court> competentFor(String postalCode, String language) {
        if (postalCode == null || !postalCode.matches("[1-9][0-9]{3}")) {
            return Optional.empty();
        }
        int code = Integer.parseInt(postalCode);
        Court any = null;
        for (Court c : courts) {
            if (code >= c.from() && code <= c.to()) {
                if (c.language().equals(language)) {
                    return Optional.of(c);
                }
                if (c.language().equals("*") || any == null) {
                    any = c;
                }
            }
        }
        return Optional.ofNullable(any);
    }

    /** Reads {@code from;to;language;name;address;confirmed} lines ({@code #} starts a comment). */
    public static LabourCourts parse(Reader in) {
        List<Court> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(";");
                rows.add(new Court(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()), f[2].strip(), f[3].strip(),
                        f[4].strip(), Boolean.parseBoolean(f[5].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabourCourts(rows);
    }
}
