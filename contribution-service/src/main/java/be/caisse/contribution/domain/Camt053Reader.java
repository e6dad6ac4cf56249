package be.caisse.contribution.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.StructuredCommunication;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053, the XML statement Belgian banks send next to CODA):
 * the account's IBAN, the electronic sequence number, the opening and closing booked balances, and every entry
 * with its amount, credit/debit indicator, booking and value dates, the structured creditor reference (the Belgian
 * structured communication) or the unstructured remittance text, and the debtor's name and IBAN.
 *
 * <p>The file is checked as a whole — one statement, amounts in cents, opening balance + entries = closing
 * balance — and refused with the line and reason otherwise. DTDs and external entities are not read.
 */
public final class Camt053Reader {
    private static final Pattern FORMATTED = Pattern.compile("\\+\\+\\+\\s*(\\d{3})\\s*/\\s*(\\d{4})\\s*/\\s*(\\d{5})\\s*\\+\\+\\+");

    private Camt053Reader() {
    }

    /** A file that is not a valid camt.053 statement; {@code line} is 1-based. */
    public static final class CamtFormatException extends RuleViolation {
        public CamtFormatException(int line, String reason, Object... args) {
            super(be.caisse.common.i18n.Text.of("statement.line", line, be.caisse.common.i18n.Text.of("camt." + reason, args)),
                    "camt-invalid");
        }
    }

    private static final class Entry {
        int line;
        BigDecimal amount;
        String currency;
        String indicator;
        LocalDate bookingDate;
        LocalDate valueDate;
        String reference;
        String structured;
        StringBuilder unstructured = new StringBuilder();
        String debtorName;
        String debtorIban;
        String transactionCode;
    }

    private static final class Balance {
        int line;
        String type;
        BigDecimal amount;
        String indicator;
        LocalDate date;
    }

    public static BankStatement read(String xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<String> path = new ArrayDeque<>();
        List<Entry> entries = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        Entry entry = null;
        Balance balance = null;
        String account = null;
        String accountCurrency = null;
        Integer sequence = null;
        Integer legalSequence = null;
        LocalDate created = null;
        int statements = 0;
        String amountCurrency = null;
        XMLStreamReader r = null;
        int line = 1;
        try {
            r = factory.createXMLStreamReader(new StringReader(xml));
            while (r.hasNext()) {
                int event = r.next();
                line = r.getLocation().getLineNumber();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    path.push(name);
                    if (name.equals("Stmt") && ++statements > 1) {
                        throw new CamtFormatException(line, "one-statement");
                    }
                    if (name.equals("Ntry") && in(path, "Stmt")) {
                        entry = new Entry();
                        entry.line = line;
                    } else if (name.equals("Bal") && in(path, "Stmt")) {
                        balance = new Balance();
                        balance.line = line;
                    } else if (name.equals("Amt")) {
                        amountCurrency = r.getAttributeValue(null, "Ccy");
                    }
                    continue;
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("Ntry") && entry != null) {
                        entries.add(entry);
                        entry = null;
                    } else if (name.equals("Bal") && balance != null) {
                        balances.add(balance);
                        balance = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.CHARACTERS || r.isWhiteSpace() || path.isEmpty()) {
                    continue;
                }
                String text = r.getText().trim();
                String name = path.peek();
                if (entry != null) {
                    // only the entry's own amount, not the instructed/transaction amounts inside its details
                    if (name.equals("Amt") && parent(path).equals("Ntry")) {
                        entry.amount = amount(text, line);
                        entry.currency = amountCurrency;
                    } else if (name.equals("CdtDbtInd") && parent(path).equals("Ntry")) {
                        entry.indicator = text;
                    } else if (name.equals("Dt") && parent(path).equals("BookgDt")) {
                        entry.bookingDate = date(text, line);
                    } else if (name.equals("DtTm") && parent(path).equals("BookgDt") && entry.bookingDate == null) {
                        entry.bookingDate = date(text.substring(0, Math.min(10, text.length())), line);
                    } else if (name.equals("Dt") && parent(path).equals("ValDt")) {
                        entry.valueDate = date(text, line);
                    } else if (name.equals("AcctSvcrRef") && parent(path).equals("Ntry")) {
                        entry.reference = text;
                    } else if (name.equals("Ref") && in(path, "CdtrRefInf")) {
                        entry.structured = text;
                    } else if (name.equals("Ustrd")) {
                        entry.unstructured.append(entry.unstructured.length() > 0 ? " " : "").append(text);
                    } else if (name.equals("Nm") && in(path, "Dbtr") && in(path, "RltdPties")) {
                        entry.debtorName = text;
                    } else if (name.equals("IBAN") && in(path, "DbtrAcct")) {
                        entry.debtorIban = text;
                    } else if (name.equals("Cd") && in(path, "BkTxCd") && entry.transactionCode == null) {
                        entry.transactionCode = text;
                    }
                } else if (balance != null) {
                    if (name.equals("Cd") && in(path, "Tp")) {
                        balance.type = text;
                    } else if (name.equals("Amt")) {
                        balance.amount = amount(text, line);
                    } else if (name.equals("CdtDbtInd")) {
                        balance.indicator = text;
                    } else if (name.equals("Dt") && parent(path).equals("Dt")) {
                        balance.date = date(text, line);
                    }
                } else if (in(path, "Stmt")) {
                    if (name.equals("IBAN") && in(path, "Acct")) {
                        account = text;
                    } else if (name.equals("Ccy") && parent(path).equals("Acct")) {
                        accountCurrency = text;
                    } else if (name.equals("ElctrncSeqNb")) {
                        sequence = integer(text, line);
                    } else if (name.equals("LglSeqNb")) {
                        legalSequence = integer(text, line);
                    } else if (name.equals("CreDtTm") && parent(path).equals("Stmt")) {
                        created = date(text.substring(0, Math.min(10, text.length())), line);
                    }
                }
            }
        } catch (XMLStreamException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNumber();
            throw new CamtFormatException(at, "not-xml");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
        return statement(line, statements, account, accountCurrency, sequence != null ? sequence : legalSequence, created, balances, entries);
    }

    private static BankStatement statement(int lastLine, int statements, String account, String currency, Integer sequence,
                                           LocalDate created, List<Balance> balances, List<Entry> entries) {
        if (statements == 0) {
            throw new CamtFormatException(lastLine, "no-statement");
        }
        if (account == null) {
            throw new CamtFormatException(lastLine, "no-iban");
        }
        if (sequence == null) {
            throw new CamtFormatException(lastLine, "no-sequence");
        }
        Balance opening = balances.stream().filter(b -> "OPBD".equals(b.type) || "PRCD".equals(b.type)).findFirst()
                .orElseThrow(() -> new CamtFormatException(lastLine, "no-opening"));
        Balance closing = balances.stream().filter(b -> "CLBD".equals(b.type)).findFirst()
                .orElseThrow(() -> new CamtFormatException(lastLine, "no-closing"));
        BigDecimal total = signed(opening.amount, opening.indicator, opening.line);
        List<BankStatement.Movement> movements = new ArrayList<>();
        int n = 0;
        for (Entry e : entries) {
            n++;
            if (e.amount == null || e.indicator == null) {
                throw new CamtFormatException(e.line, "entry-amount", n);
            }
            String ccy = e.currency != null ? e.currency : currency;
            if (currency != null && ccy != null && !ccy.equals(currency)) {
                throw new CamtFormatException(e.line, "entry-currency", n, ccy, currency);
            }
            BigDecimal amount = signed(e.amount, e.indicator, e.line);
            total = total.add(amount);
            LocalDate value = e.valueDate != null ? e.valueDate : e.bookingDate;
            if (value == null) {
                throw new CamtFormatException(e.line, "entry-date", n);
            }
            String structured = structured(e.structured);
            if (structured == null) {
                structured = structured(e.unstructured.toString());
            }
            String free = e.unstructured.length() == 0 ? null : e.unstructured.toString();
            movements.add(new BankStatement.Movement(n, e.reference, amount, value, e.bookingDate != null ? e.bookingDate : value,
                    e.transactionCode, structured, free, e.debtorIban, e.debtorName));
        }
        BigDecimal closingAmount = signed(closing.amount, closing.indicator, closing.line);
        if (total.compareTo(closingAmount) != 0) {
            throw new CamtFormatException(closing.line, "balance-mismatch", signed(opening.amount, opening.indicator, opening.line),
                    total, closingAmount);
        }
        LocalDate date = closing.date != null ? closing.date : created;
        if (date == null) {
            throw new CamtFormatException(closing.line, "no-date");
        }
        return new BankStatement(account.replace(" ", ""), currency == null ? "EUR" : currency, sequence, date,
                signed(opening.amount, opening.indicator, opening.line), closingAmount, List.copyOf(movements));
    }

    /** The 12 digits of a valid Belgian structured communication in this text, or null. */
    static String structured(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = FORMATTED.matcher(text);
        String digits = m.find() ? m.group(1) + m.group(2) + m.group(3) : text.replaceAll("[\\s/+]", "");
        if (!digits.matches("\\d{12}")) {
            return null;
        }
        try {
            return StructuredCommunication.parse(digits).digits();
        } catch (RuntimeException e) {
            return null; // wrong check digits: kept as free text for an agent
        }
    }

    private static BigDecimal signed(BigDecimal amount, String indicator, int line) {
        if (amount == null) {
            throw new CamtFormatException(line, "balance-amount");
        }
        return switch (indicator == null ? "" : indicator) {
            case "CRDT" -> amount;
            case "DBIT" -> amount.negate();
            default -> throw new CamtFormatException(line, "indicator", indicator);
        };
    }

    private static BigDecimal amount(String text, int line) {
        try {
            BigDecimal a = new BigDecimal(text);
            if (a.signum() < 0 || a.scale() > 2) {
                throw new CamtFormatException(line, "amount-decimals", text);
            }
            return a.setScale(2);
        } catch (NumberFormatException e) {
            throw new CamtFormatException(line, "not-an-amount", text);
        }
    }

    private static LocalDate date(String text, int line) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CamtFormatException(line, "not-a-date", text);
        }
    }

    private static int integer(String text, int line) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CamtFormatException(line, "not-a-sequence", text);
        }
    }

    private static String parent(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.hasNext() ? it.next() : "";
    }

    private static boolean in(Deque<String> path, String element) {
        return path.contains(element);
    }
}
