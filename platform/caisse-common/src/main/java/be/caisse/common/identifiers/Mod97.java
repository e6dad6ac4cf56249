package be.caisse.common.identifiers;

import java.math.BigInteger;

/** The modulo-97 arithmetic that Belgian identifiers (NISS, KBO, structured communication, IBAN) share. */
public final class Mod97 {
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Mod97() {
    }

    public static int mod(String digits) {
        return new BigInteger(digits).mod(NINETY_SEVEN).intValue();
    }

    static boolean allDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
