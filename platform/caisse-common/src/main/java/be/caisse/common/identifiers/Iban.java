package be.caisse.common.identifiers;

import java.math.BigInteger;
import java.util.Map;

/**
 * IBAN (ISO 13616): country code, two check digits, the national account number; valid when the rearranged number
 * is 1 mod 97. Benefits are paid by SEPA credit transfer, so only the SEPA countries' IBANs (with their lengths)
 * are accepted. Stored without spaces, shown in groups of four.
 */
public record Iban(String value) {
    /** Length of the IBAN of each SEPA country (EEA, Switzerland, the UK, Monaco, San Marino, Andorra, Vatican…). */
    static final Map<String, Integer> SEPA_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("VA", 22));

    public static Iban parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException("iban", "iban.missing");
        }
        String iban = raw.replaceAll("\\s", "").toUpperCase();
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}")) {
            throw new InvalidIdentifierException("iban", "iban.format");
        }
        Integer length = SEPA_LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            throw new InvalidIdentifierException("iban", "iban.not-sepa");
        }
        if (iban.length() != length) {
            throw new InvalidIdentifierException("iban", "iban.length", iban.substring(0, 2), length);
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
            throw new InvalidIdentifierException("iban", "iban.check-digits");
        }
        return new Iban(iban);
    }

    public boolean isBelgian() {
        return value.startsWith("BE");
    }

    public String formatted() {
        return value.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return formatted();
    }
}
