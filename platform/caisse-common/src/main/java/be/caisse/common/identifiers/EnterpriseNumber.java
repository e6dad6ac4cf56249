package be.caisse.common.identifiers;

/**
 * KBO/BCE enterprise number (numéro d'entreprise / ondernemingsnummer), also the VAT number: 10 digits, the first
 * 0 or 1, the last two {@code 97 − (first eight mod 97)} (REFERENCE.md §1.5). Written {@code 0314.595.348}.
 */
public record EnterpriseNumber(String value) {

    public static EnterpriseNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException("enterpriseNumber", "enterprise-number.missing");
        }
        String digits = raw.replaceAll("[\\s.\\-]", "").replaceFirst("^(?i)BE", "");
        if (digits.length() == 9 && Mod97.allDigits(digits)) {
            digits = "0" + digits; // old 9-digit form
        }
        if (digits.length() != 10 || !Mod97.allDigits(digits)) {
            throw new InvalidIdentifierException("enterpriseNumber", "enterprise-number.length");
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            throw new InvalidIdentifierException("enterpriseNumber", "enterprise-number.first-digit");
        }
        int check = 97 - Mod97.mod(digits.substring(0, 8));
        if (check != Integer.parseInt(digits.substring(8))) {
            throw new InvalidIdentifierException("enterpriseNumber", "enterprise-number.check-digits");
        }
        return new EnterpriseNumber(digits);
    }

    public String formatted() {
        return value.substring(0, 4) + "." + value.substring(4, 7) + "." + value.substring(7);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
