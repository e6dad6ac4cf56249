package be.caisse.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How a document writes amounts and dates in its language. Written out here, not left to the JDK's locale data,
 * so that a document reads the same on every machine and in every Java version (the CLDR data changes the
 * grouping separator from one release to the next).
 */
public final class DocumentFormat {
    private static final String[][] MONTHS = {
        {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre"},
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december"},
        {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
            "Dezember"}};

    private final DocumentLanguage language;

    public DocumentFormat(DocumentLanguage language) {
        this.language = language;
    }

    public DocumentLanguage language() {
        return language;
    }

    /** {@code 1.234,56 €} in Dutch and German, {@code 1 234,56 €} in French (a narrow no-break space). */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
        String plain = scaled.abs().toPlainString();
        int dot = plain.indexOf('.');
        String units = plain.substring(0, dot);
        String cents = plain.substring(dot + 1);
        String group = language == DocumentLanguage.FR ? "\u202f" : ".";
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append(group);
            }
            grouped.append(units.charAt(i));
        }
        String sign = scaled.signum() < 0 ? "-" : "";
        return language == DocumentLanguage.NL
                ? "€ " + sign + grouped + "," + cents
                : sign + grouped + "," + cents + " €";
    }

    /** {@code 1er trimestre 2026}, {@code 1ste kwartaal 2026}, {@code 1. Quartal 2026}. */
    public String quarter(be.caisse.common.time.Quarter q) {
        return switch (language) {
            case FR -> (q.number() == 1 ? "1er" : q.number() + "e") + " trimestre " + q.year();
            case NL -> q.number() + (q.number() == 1 || q.number() == 8 ? "ste" : "de") + " kwartaal " + q.year();
            case DE -> q.number() + ". Quartal " + q.year();
        };
    }

    /** A NISS as printed on a letter: {@code 85.07.14-123.30}. */
    public static String niss(String digits) {
        if (digits == null || digits.length() != 11) {
            return digits == null ? "" : digits;
        }
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    /** An enterprise number as printed: {@code 0403.170.701}. */
    public static String enterpriseNumber(String digits) {
        if (digits == null || digits.length() != 10) {
            return digits == null ? "" : digits;
        }
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }

    /** A rate as a percentage, with a decimal comma: {@code 4,05 %}. */
    public String percent(BigDecimal rate) {
        if (rate == null) {
            return "";
        }
        return rate.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    /** {@code 31 mars 2026}, {@code 31 maart 2026}, {@code 31. März 2026}. */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        String month = MONTHS[language.ordinal()][date.getMonthValue() - 1];
        return language == DocumentLanguage.DE
                ? date.getDayOfMonth() + ". " + month + " " + date.getYear()
                : date.getDayOfMonth() + " " + month + " " + date.getYear();
    }

    /** dd/MM/yyyy (fr, nl) or dd.MM.yyyy (de): for tables. */
    public String shortDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(language == DocumentLanguage.DE ? "dd.MM.yyyy" : "dd/MM/yyyy")
                .format(date);
    }

}
