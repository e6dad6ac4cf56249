package be.caisse.contribution.domain;

import be.caisse.common.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CODA 2 bank statement (Febelfin: 128-character records — 0 header, 1 old balance, 21/22/23 movement,
 * 31/32/33 information, 4 free message, 8 new balance, 9 trailer). Only the movement lines of detail 0000 are
 * movements: the details of a globalised movement explain it and are not booked twice. The file is checked as a
 * whole — record lengths and types, the trailer's record count and debit/credit totals, old balance + movements =
 * new balance — and refused with the line and the reason if anything is wrong, so that nothing of it is booked.
 */
public final class CodaReader {
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMuu");

    private CodaReader() {
    }

    /** A file that is not a valid CODA statement; {@code line} is 1-based. */
    public static final class CodaFormatException extends RuleViolation {
        private final int line;

        public CodaFormatException(int line, String reason, Object... args) {
            super(be.caisse.common.i18n.Text.of("statement.line", line, be.caisse.common.i18n.Text.of("coda." + reason, args)),
                    "coda-invalid");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static BankStatement read(String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        List<BankStatement.Movement> movements = new ArrayList<>();
        String account = null;
        String currency = null;
        int sequence = 0;
        LocalDate date = null;
        BigDecimal oldBalance = null;
        BigDecimal newBalance = null;
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        boolean header = false;
        boolean trailer = false;
        int records = 0;
        Pending pending = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int n = i + 1;
            if (l.isBlank() && i == lines.length - 1) {
                continue;
            }
            if (trailer) {
                throw new CodaFormatException(n, "after-trailer");
            }
            if (l.length() != 128) {
                throw new CodaFormatException(n, "record-length", l.length());
            }
            char type = l.charAt(0);
            if (!header && type != '0') {
                throw new CodaFormatException(n, "no-header");
            }
            switch (type) {
                case '0' -> {
                    if (header) {
                        throw new CodaFormatException(n, "second-header");
                    }
                    header = true;
                    date = date(l.substring(5, 11), n, "@coda.field.creation-date");
                }
                case '1' -> {
                    records++;
                    char structure = l.charAt(1);
                    account = switch (structure) {
                        case '0', '1' -> l.substring(5, 17).trim();
                        case '2', '3' -> l.substring(5, 39).trim();
                        default -> throw new CodaFormatException(n, "account-structure", structure);
                    };
                    currency = structure == '2' || structure == '3' ? l.substring(39, 42) : l.substring(18, 21);
                    sequence = number(l.substring(2, 5), n, "@coda.field.statement-sequence");
                    oldBalance = signedAmount(l.charAt(42), l.substring(43, 58), n, "@coda.field.old-balance");
                }
                case '2' -> {
                    records++;
                    char article = l.charAt(1);
                    boolean mainLine = l.substring(6, 10).equals("0000");
                    switch (article) {
                        case '1' -> {
                            if (pending != null) {
                                movements.add(pending.toMovement());
                                pending = null;
                            }
                            BigDecimal amount = signedAmount(l.charAt(31), l.substring(32, 47), n, "@coda.field.amount");
                            if (mainLine) {
                                if (amount.signum() < 0) {
                                    debits = debits.add(amount.negate());
                                } else {
                                    credits = credits.add(amount);
                                }
                                pending = new Pending(number(l.substring(2, 6), n, "@coda.field.sequence"), l.substring(10, 31).trim(), amount,
                                        date(l.substring(47, 53), n, "@coda.field.value-date"), date(l.substring(115, 121), n, "@coda.field.entry-date"),
                                        l.substring(53, 61));
                                if (l.charAt(61) == '1' && l.startsWith("101", 62)) {
                                    pending.structured = l.substring(65, 77);
                                } else {
                                    pending.free.append(l.substring(62, 115).trim());
                                }
                            }
                        }
                        case '2' -> {
                            if (pending != null && mainLine) {
                                pending.free.append(l.substring(10, 63).trim());
                            }
                        }
                        case '3' -> {
                            if (pending != null && mainLine) {
                                pending.counterpartyAccount = l.substring(10, 47).trim();
                                pending.counterpartyName = l.substring(47, 82).trim();
                                pending.free.append(l.substring(82, 125).trim());
                            }
                        }
                        default -> throw new CodaFormatException(n, "movement-article", "2" + article);
                    }
                }
                case '3', '4' -> records++;
                case '8' -> {
                    records++;
                    newBalance = signedAmount(l.charAt(41), l.substring(42, 57), n, "@coda.field.new-balance");
                }
                case '9' -> {
                    trailer = true;
                    int declared = number(l.substring(16, 22), n, "@coda.field.number-of-records");
                    if (declared != records) {
                        throw new CodaFormatException(n, "record-count", declared, records);
                    }
                    BigDecimal declaredDebits = amount(l.substring(22, 37), n, "@coda.field.debit-total");
                    BigDecimal declaredCredits = amount(l.substring(37, 52), n, "@coda.field.credit-total");
                    if (declaredDebits.compareTo(debits) != 0 || declaredCredits.compareTo(credits) != 0) {
                        throw new CodaFormatException(n, "totals", declaredDebits, declaredCredits, debits, credits);
                    }
                }
                default -> throw new CodaFormatException(n, "record-type", type);
            }
        }
        if (pending != null) {
            movements.add(pending.toMovement());
        }
        if (!trailer) {
            throw new CodaFormatException(lines.length, "no-trailer");
        }
        if (oldBalance == null || newBalance == null) {
            throw new CodaFormatException(lines.length, "no-balance");
        }
        if (oldBalance.add(credits).subtract(debits).compareTo(newBalance) != 0) {
            throw new CodaFormatException(lines.length, "balance-mismatch", oldBalance, newBalance);
        }
        return new BankStatement(account, currency, sequence, date, oldBalance, newBalance, List.copyOf(movements));
    }

    private static final class Pending {
        final int sequence;
        final String reference;
        final BigDecimal amount;
        final LocalDate valueDate;
        final LocalDate entryDate;
        final String transactionCode;
        String structured;
        final StringBuilder free = new StringBuilder();
        String counterpartyAccount;
        String counterpartyName;

        Pending(int sequence, String reference, BigDecimal amount, LocalDate valueDate, LocalDate entryDate, String transactionCode) {
            this.sequence = sequence;
            this.reference = reference;
            this.amount = amount;
            this.valueDate = valueDate;
            this.entryDate = entryDate;
            this.transactionCode = transactionCode;
        }

        BankStatement.Movement toMovement() {
            String text = free.toString().trim().replaceAll("\\s+", " ");
            return new BankStatement.Movement(sequence, reference, amount, valueDate, entryDate, transactionCode, structured,
                    text.isEmpty() ? null : text, blankToNull(counterpartyAccount), blankToNull(counterpartyName));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** 15 digits with 3 decimals (thousandths), as CODA writes amounts; euro amounts keep 2 decimals. */
    private static BigDecimal amount(String digits, int line, String what) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new CodaFormatException(line, "not-a-number", what, digits);
        }
        BigDecimal value = new BigDecimal(digits).movePointLeft(3);
        try {
            return value.setScale(2);
        } catch (ArithmeticException e) {
            throw new CodaFormatException(line, "decimals", what, value);
        }
    }

    private static BigDecimal signedAmount(char sign, String digits, int line, String what) {
        BigDecimal value = amount(digits, line, what);
        return switch (sign) {
            case '0' -> value;
            case '1' -> value.negate();
            default -> throw new CodaFormatException(line, "sign", what);
        };
    }

    private static int number(String digits, int line, String what) {
        try {
            return Integer.parseInt(digits.trim());
        } catch (NumberFormatException e) {
            throw new CodaFormatException(line, "not-a-number", what, digits);
        }
    }

    private static LocalDate date(String ddmmyy, int line, String what) {
        try {
            return LocalDate.parse(ddmmyy, DDMMYY);
        } catch (DateTimeParseException e) {
            throw new CodaFormatException(line, "not-a-date", what, ddmmyy);
        }
    }
}
