package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ISO 20022 camt.053 statement: what is read, and the line and reason when a file is refused. */
public class Camt053ReaderTest {
    public static String sample() {
        try (InputStream in = Camt053ReaderTest.class.getResourceAsStream("/camt/statement-camt053.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStatementIsRead() {
        BankStatement s = Camt053Reader.read(sample());
        assertEquals("BE68539007547034", s.accountNumber());
        assertEquals(65, s.sequence());
        assertEquals(LocalDate.of(2025, 4, 1), s.date());
        assertEquals(new BigDecimal("1000.00"), s.oldBalance());
        assertEquals(new BigDecimal("1944.51"), s.newBalance());
        assertEquals(3, s.movements().size());
        assertEquals(2, s.credits().size());
        BankStatement.Movement paid = s.movements().get(0);
        assertEquals(new BigDecimal("907.01"), paid.amount(), "the entry's amount, not the transaction details'");
        assertEquals("251000000165", paid.structuredCommunication());
        assertEquals(LocalDate.of(2025, 3, 31), paid.valueDate(), "the value date: the day the fund's account was credited");
        assertEquals("PEETERS INES", paid.counterpartyName());
        assertEquals("BE71096123456769", paid.counterpartyAccount());
        BankStatement.Movement free = s.movements().get(1);
        assertNull(free.structuredCommunication());
        assertEquals("cotisation premier trimestre", free.freeCommunication());
        assertEquals(new BigDecimal("-12.50"), s.movements().get(2).amount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the structured reference as printed | +++251/0000/00165+++ | 251000000165",
            "the 12 digits alone | 251000000165 | 251000000165",
            "inside a free text | payment +++251/0000/00165+++ thanks | 251000000165",
            "wrong check digits: not a structured communication | +++251/0000/00166+++ | ",
            "not 12 digits | 2510000001 | ",
    })
    void structuredCommunications(String rule, String text, String digits) {
        assertEquals(digits, Camt053Reader.structured(text), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the balances do not add up | <Amt Ccy=\"EUR\">1944.51</Amt> | <Amt Ccy=\"EUR\">1944.52</Amt> | closing balance",
            "an amount with three decimals | <Amt Ccy=\"EUR\">50.00</Amt> | <Amt Ccy=\"EUR\">50.001</Amt> | at most 2 decimals",
            "an unknown indicator | <CdtDbtInd>DBIT</CdtDbtInd> | <CdtDbtInd>DEBIT</CdtDbtInd> | CRDT or DBIT",
            "no sequence number | <ElctrncSeqNb>65</ElctrncSeqNb> | | sequence number",
            "a broken element | </BkToCstmrStmt> | </BkToCstmrStm> | not well-formed XML",
            "a bad date | <Dt>2025-04-01</Dt></BookgDt> | <Dt>2025-04-31</Dt></BookgDt> | not a date",
    })
    void aBrokenFileIsRefusedWithItsLineAndReason(String rule, String from, String to, String reason) {
        String broken = sample().replaceFirst(java.util.regex.Pattern.quote(from), to == null ? "" : java.util.regex.Matcher.quoteReplacement(to));
        Camt053Reader.CamtFormatException e = assertThrows(Camt053Reader.CamtFormatException.class, () -> Camt053Reader.read(broken), rule);
        assertTrue(e.getMessage().startsWith("Line "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), rule + ": " + e.getMessage());
    }

    @Test
    void somethingElseIsNotAStatement() {
        assertThrows(Camt053Reader.CamtFormatException.class, () -> Camt053Reader.read("<Document><BkToCstmrNtfctn/></Document>"));
        assertThrows(Camt053Reader.CamtFormatException.class, () -> Camt053Reader.read("not xml at all"));
        // no external entity is ever read
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>";
        assertThrows(Camt053Reader.CamtFormatException.class, () -> Camt053Reader.read(xxe));
    }
}
