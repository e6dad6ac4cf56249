package be.caisse.common.identifiers;

/**
 * Belgian structured communication (communication structurée / gestructureerde mededeling), {@code +++ddd/dddd/ddddd+++}:
 * ten digits followed by two check digits equal to the ten digits mod 97, where a remainder of 0 is written 97.
 * Every payment request of the fund carries one, so that bank-statement lines can be matched to it.
 */
public final class StructuredCommunication {
    private final String digits;

    private StructuredCommunication(String digits) {
        this.digits = digits;
    }

    /** Builds the communication for a 10-digit reference (0 ≤ reference ≤ 9 999 999 999). */
    public static StructuredCommunication fromReference(long reference) {
        if (reference < 0 || reference > 9_999_999_999L) {
            throw new IllegalArgumentException("A structured communication reference has at most 10 digits");
        }
        String base = String.format("%010d", reference);
        int check = Mod97.mod(base);
        return new StructuredCommunication(base + String.format("%02d", check == 0 ? 97 : check));
    }

    /** Parses {@code +++123/4567/89002+++}, {@code ***…***}, or the 12 bare digits. */
    public static StructuredCommunication parse(String raw) {
        if (raw == null) {
            throw new InvalidIdentifierException("structuredCommunication", "communication.missing");
        }
        String digits = raw.replaceAll("[+*/\\s]", "");
        if (digits.length() != 12 || !Mod97.allDigits(digits)) {
            throw new InvalidIdentifierException("structuredCommunication", "communication.length");
        }
        int expected = Mod97.mod(digits.substring(0, 10));
        if (expected == 0) {
            expected = 97;
        }
        if (expected != Integer.parseInt(digits.substring(10))) {
            throw new InvalidIdentifierException("structuredCommunication", "communication.check-digits");
        }
        return new StructuredCommunication(digits);
    }

    public String digits() {
        return digits;
    }

    /** The form printed on a payment notice: {@code +++ddd/dddd/ddddd+++}. */
    public String formatted() {
        return "+++" + digits.substring(0, 3) + "/" + digits.substring(3, 7) + "/" + digits.substring(7) + "+++";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuredCommunication other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
