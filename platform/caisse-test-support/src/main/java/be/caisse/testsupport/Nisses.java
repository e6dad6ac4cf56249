package be.caisse.testsupport;

import java.time.LocalDate;

/** Valid NISS numbers for tests: from a birth date and a serial, or BIS numbers whose date is unknown. */
public final class Nisses {
    private Nisses() {
    }

    /** A National Register number of someone born on {@code birth}, serial 1–997 (odd: male, even: female). */
    public static String of(LocalDate birth, int serial) {
        String body = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(), serial);
        return body + check(body, birth.getYear() >= 2000);
    }

    /** A BIS number with the sex unknown (month + 20) and the birth date unknown (month and day 00). */
    public static String bisWithoutDate(int yy, int serial) {
        String body = String.format("%02d%02d%02d%03d", yy, 20, 0, serial);
        return body + check(body, false);
    }

    private static String check(String body, boolean from2000) {
        long n = Long.parseLong((from2000 ? "2" : "") + body);
        return String.format("%02d", 97 - n % 97);
    }
}
