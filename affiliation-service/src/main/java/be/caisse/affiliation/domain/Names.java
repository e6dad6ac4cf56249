package be.caisse.affiliation.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Names as a search compares them: "Hélène Dubois-Lefèvre" and "helene dubois lefevre" are the same person. */
public final class Names {
    private Names() {
    }

    /** Lower case, without diacritics (é → e, ß → ss, œ → oe), hyphens and apostrophes as spaces, spaces collapsed. */
    public static String searchable(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("œ", "oe").replace("æ", "ae")
                .replaceAll("[-'’.]", " ").replaceAll("\\s+", " ").strip();
    }

    /** A search text as a LIKE pattern: its own % and _ are matched literally (escape character \). */
    public static String likePattern(String query) {
        String s = searchable(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + s + "%";
    }
}
