package be.caisse.documents;

import java.util.Locale;

/**
 * The languages the fund writes its documents in: the member's correspondence language (French, Dutch or German,
 * the three official languages). A member recorded in English gets French, the fund's first language.
 */
public enum DocumentLanguage {
    FR(Locale.forLanguageTag("fr-BE")),
    NL(Locale.forLanguageTag("nl-BE")),
    DE(Locale.forLanguageTag("de-BE"));

    public final Locale locale;

    DocumentLanguage(Locale locale) {
        this.locale = locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The document language for a member's recorded language code ({@code fr}, {@code nl}, {@code de}, ...). */
    public static DocumentLanguage of(String code) {
        if (code == null) {
            return FR;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "nl" -> NL;
            case "de" -> DE;
            default -> FR;
        };
    }
}
