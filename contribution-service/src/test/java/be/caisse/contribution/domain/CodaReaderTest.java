package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CODA reader against a real statement that nobody on this project wrote: the KBC sample published with
 * Odoo's Belgian localisation (shared/data/coda/sample-kbc-2013.cod), and against broken copies of it.
 */
public class CodaReaderTest {
    /** The real KBC file (a copy of shared/data/coda/sample-kbc-2013.cod in the test resources). */
    public static byte[] sampleBytes() throws IOException {
        try (java.io.InputStream in = CodaReaderTest.class.getResourceAsStream("/coda/sample-kbc-2013.cod")) {
            assertTrue(in != null, "the real CODA sample is missing from the test resources");
            return in.readAllBytes();
        }
    }

    static String sample() throws IOException {
        return new String(sampleBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theFixtureIsTheSharedOriginal() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path original = dir.resolve("shared/data/coda/sample-kbc-2013.cod");
            if (Files.exists(original)) {
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(original), sampleBytes()), "copy differs from " + original);
                return;
            }
        }
        // shared/ is not beside this checkout: the copy stands alone, as NOTICE.md says
    }

    @Test
    void readsTheRealKbcStatement() throws IOException {
        BankStatement s = CodaReader.read(sample());
        assertEquals("BE33737018595246", s.accountNumber());
        assertEquals("EUR", s.currency());
        assertEquals(135, s.sequence());
        assertEquals(new BigDecimal("11812.70"), s.oldBalance());
        assertEquals(new BigDecimal("13527.81"), s.newBalance());
        assertEquals(5, s.movements().size(), "five movements; the details of the globalised ones are not counted twice");
        List<BankStatement.Movement> credits = s.credits();
        assertEquals(2, credits.size());
        BankStatement.Movement structured = credits.get(0);
        assertEquals(new BigDecimal("3044.45"), structured.amount());
        assertEquals("240283842818", structured.structuredCommunication());   // +++240/2838/42818+++
        assertEquals("BE61310126985517", structured.counterpartyAccount());
        assertEquals("PARTNER 2", structured.counterpartyName());
        assertEquals(LocalDate.of(2011, 1, 11), structured.valueDate());
        BankStatement.Movement free = credits.get(1);
        assertEquals(new BigDecimal("63.74"), free.amount());
        assertNull(free.structuredCommunication());
        assertTrue(free.freeCommunication().startsWith("TERUGGAVE 37232481"), free.freeCommunication());
        assertEquals(new BigDecimal("-435.00"), s.movements().get(0).amount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a truncated record                  | 3  | 128 characters",
            "a trailer whose totals do not match | 24 | do not match",
            "a missing trailer                   | 23 | trailer record (9) is missing",
            "an amount that is not a number      | 3  | not a number",
    })
    void refusesABrokenFileWithTheLineAndTheReason(String broken, int line, String reason) throws IOException {
        String[] lines = sample().split("\r\n");
        switch (broken.trim()) {
            case "a truncated record" -> lines[2] = lines[2].substring(0, 127);
            case "a trailer whose totals do not match" -> lines[23] = lines[23].substring(0, 22) + "000000001393090" + lines[23].substring(37);
            case "a missing trailer" -> lines = java.util.Arrays.copyOf(lines, 23);
            case "an amount that is not a number" -> lines[2] = lines[2].substring(0, 40) + "ABC" + lines[2].substring(43);
            default -> throw new IllegalArgumentException(broken);
        }
        String file = String.join("\r\n", lines);
        CodaReader.CodaFormatException e = assertThrows(CodaReader.CodaFormatException.class, () -> CodaReader.read(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals("coda-invalid", e.code());
    }
}
