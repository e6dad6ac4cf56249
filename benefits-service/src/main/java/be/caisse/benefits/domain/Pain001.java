package be.caisse.benefits.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An ISO 20022 credit-transfer initiation, pain.001.001.09, as the EPC's SEPA Credit Transfer rulebook (EPC132-08,
 * 2023) restricts it: one payment information block per run (the fund's account as debtor, service level SEPA,
 * charges shared), one transaction per payment with the member's IBAN and name as snapshotted on the payment, and
 * the claim's reference in the remittance. Texts are written in the Latin character set SEPA banks accept (accents
 * removed, other characters replaced), names cut to 70 characters.
 */
public final class Pain001 {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private Pain001() {
    }

    /** The fund's account. Without a BIC the debtor agent is NOTPROVIDED (allowed for SEPA payments in the EEA). */
    public record Debtor(String name, String iban, String bic) {
    }

    public record Transfer(String endToEndId, BigDecimal amount, String creditorName, String creditorIban, String remittance) {
    }

    public static BigDecimal controlSum(List<Transfer> transfers) {
        return transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Writes the whole document (the caller chose the transfers: at least one, amounts of at least one cent). */
    public static void write(Writer out, String messageId, OffsetDateTime created, LocalDate executionDate, Debtor debtor,
                             List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a credit transfer file has at least one transfer");
        }
        String sum = controlSum(transfers).toPlainString();
        try {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn><GrpHdr>");
            element(out, "MsgId", latin(messageId, 35));
            element(out, "CreDtTm", CREATED.format(created.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
            element(out, "NbOfTxs", Integer.toString(transfers.size()));
            element(out, "CtrlSum", sum);
            out.write("<InitgPty>");
            element(out, "Nm", latin(debtor.name(), 70));
            out.write("</InitgPty></GrpHdr><PmtInf>");
            element(out, "PmtInfId", latin(messageId, 35));
            element(out, "PmtMtd", "TRF");
            element(out, "NbOfTxs", Integer.toString(transfers.size()));
            element(out, "CtrlSum", sum);
            out.write("<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf><ReqdExctnDt>");
            element(out, "Dt", executionDate.toString());
            out.write("</ReqdExctnDt><Dbtr>");
            element(out, "Nm", latin(debtor.name(), 70));
            out.write("</Dbtr><DbtrAcct><Id>");
            element(out, "IBAN", debtor.iban());
            out.write("</Id></DbtrAcct><DbtrAgt><FinInstnId>");
            if (debtor.bic() == null || debtor.bic().isBlank()) {
                out.write("<Othr><Id>NOTPROVIDED</Id></Othr>");
            } else {
                element(out, "BICFI", debtor.bic());
            }
            out.write("</FinInstnId></DbtrAgt><ChrgBr>SLEV</ChrgBr>");
            for (Transfer t : transfers) {
                out.write("<CdtTrfTxInf><PmtId>");
                element(out, "EndToEndId", latin(t.endToEndId(), 35));
                out.write("</PmtId><Amt><InstdAmt Ccy=\"EUR\">");
                out.write(t.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
                out.write("</InstdAmt></Amt><Cdtr>");
                element(out, "Nm", latin(t.creditorName(), 70));
                out.write("</Cdtr><CdtrAcct><Id>");
                element(out, "IBAN", t.creditorIban());
                out.write("</Id></CdtrAcct><RmtInf>");
                element(out, "Ustrd", latin(t.remittance(), 140));
                out.write("</RmtInf></CdtTrfTxInf>");
            }
            out.write("</PmtInf></CstmrCdtTrfInitn></Document>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void element(Writer out, String name, String value) throws IOException {
        out.write('<');
        out.write(name);
        out.write('>');
        out.write(escape(value));
        out.write("</");
        out.write(name);
        out.write('>');
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The SEPA character set: a–z A–Z 0–9 / - ? : ( ) . , ' + and space; accents dropped, others a space, cut to {@code max}. */
    public static String latin(String text, int max) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder(Math.min(plain.length(), max));
        for (int i = 0; i < plain.length() && b.length() < max; i++) {
            char c = plain.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-?:().,'+ ".indexOf(c) >= 0;
            b.append(ok ? c : c == 'ß' ? 's' : ' ');
        }
        String out = b.toString().strip();
        return out.isEmpty() ? "-" : out;
    }
}
