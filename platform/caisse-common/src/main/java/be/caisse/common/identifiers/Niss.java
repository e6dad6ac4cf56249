package be.caisse.common.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * NISS / INSZ — numéro d'identification de la sécurité sociale: the National Register number or a BIS number.
 *
 * <p>11 digits {@code YYMMDD XXX CC}. The check digits are {@code 97 − (YYMMDDXXX mod 97)}; for births from
 * 1 January 2000 the check is computed on {@code 2YYMMDDXXX}, and whichever branch matches gives the century.
 * BIS numbers add 20 (sex unknown) or 40 (sex known) to the month. The number is a special identifier under the
 * GDPR: {@link #toString()} masks it so that it never reaches a log in clear.
 */
public final class Niss {
    public enum Sex { MALE, FEMALE, UNKNOWN }

    public enum Kind { NATIONAL_REGISTER, BIS_SEX_UNKNOWN, BIS_SEX_KNOWN }

    private final String value;
    private final boolean bornFrom2000;

    private Niss(String value, boolean bornFrom2000) {
        this.value = value;
        this.bornFrom2000 = bornFrom2000;
    }

    /** Parses a NISS, accepting the usual separators ({@code 85.07.14-123.30}, spaces). */
    public static Niss parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException("niss", "niss.missing");
        }
        String digits = raw.replaceAll("[\\s.\\-]", "");
        if (digits.length() != 11 || !Mod97.allDigits(digits)) {
            throw new InvalidIdentifierException("niss", "niss.length");
        }
        String body = digits.substring(0, 9);
        int check = Integer.parseInt(digits.substring(9));
        boolean before2000 = 97 - Mod97.mod(body) == check;
        boolean from2000 = 97 - Mod97.mod("2" + body) == check;
        if (!before2000 && !from2000) {
            throw new InvalidIdentifierException("niss", "niss.check-digits");
        }
        int month = Integer.parseInt(digits.substring(2, 4));
        int baseMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
        if (baseMonth > 12) {
            throw new InvalidIdentifierException("niss", "niss.month");
        }
        int seq = Integer.parseInt(digits.substring(6, 9));
        if (month < 20 && (seq == 0 || seq == 999)) {
            throw new InvalidIdentifierException("niss", "niss.serial");
        }
        // When both branches match (possible only in theory), the more recent birth wins: nobody affiliates at 120.
        return new Niss(digits, from2000);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    public String value() {
        return value;
    }

    public Kind kind() {
        int month = Integer.parseInt(value.substring(2, 4));
        if (month >= 40) {
            return Kind.BIS_SEX_KNOWN;
        }
        return month >= 20 ? Kind.BIS_SEX_UNKNOWN : Kind.NATIONAL_REGISTER;
    }

    /** The sex the number carries: odd serial = male, even = female; unknown for a BIS number with month + 20. */
    public Sex sex() {
        if (kind() == Kind.BIS_SEX_UNKNOWN) {
            return Sex.UNKNOWN;
        }
        int seq = Integer.parseInt(value.substring(6, 9));
        return seq % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The birth date, when the number carries a real one (BIS numbers and old registrations may use 00 placeholders). */
    public Optional<LocalDate> birthDate() {
        int yy = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4)) % 20;
        int day = Integer.parseInt(value.substring(4, 6));
        try {
            return Optional.of(LocalDate.of((bornFrom2000 ? 2000 : 1900) + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Masked form for logs and traces: the birth date part and check digits are hidden. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String niss) {
        if (niss == null || niss.length() < 4) {
            return "***";
        }
        return "*******" + niss.substring(7, 9) + "**";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Niss other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
