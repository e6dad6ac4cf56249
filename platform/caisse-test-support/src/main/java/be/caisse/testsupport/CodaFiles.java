package be.caisse.testsupport;

import java.math.BigDecimal;

/** Writes small, valid CODA 2 statements for tests (128-character records, trailer totals and balances right). */
public final class CodaFiles {
    private CodaFiles() {
    }

    /** One statement with one credit carrying the 12 digits of a structured communication. */
    public static String statement(int sequence, String communicationDigits, BigDecimal amount) {
        return statement(sequence, communicationDigits, amount, java.time.LocalDate.of(2026, 12, 1));
    }

    /** The same, on a given day: the statement's, the entry's and the value date (the day the fund is credited). */
    public static String statement(int sequence, String communicationDigits, BigDecimal amount, java.time.LocalDate day) {
        String date = day.format(java.time.format.DateTimeFormatter.ofPattern("ddMMyy"));
        String thousandths = String.format("%015d", amount.movePointRight(3).longValueExact());
        String account = String.format("%-34s", "BE68539007547034");
        String[] lines = {
                pad("00000" + date + "0000"),
                pad("12" + String.format("%03d", sequence) + account + "EUR" + "0" + "000000000000000" + date),
                pad("2100010000" + String.format("%-21s", "REF" + sequence) + "0" + thousandths + date + "00150000"
                        + "1" + "101" + communicationDigits + " ".repeat(38) + date),
                pad("8" + String.format("%03d", sequence) + String.format("%-37s", "BE68539007547034EUR") + "0" + thousandths + date),
                pad("9" + " ".repeat(15) + "000003" + "000000000000000" + thousandths),
        };
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String pad(String s) {
        return String.format("%-128s", s);
    }
}
