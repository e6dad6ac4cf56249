package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The credit-transfer file validates against the EPC's pain.001.001.09 schema (a real file from outside the project). */
class Pain001Test {
    static final Pain001.Debtor FUND = new Pain001.Debtor("Caisse d'assurances sociales - Sociaal verzekeringsfonds", "BE68539007547034", null);

    public static void assertValid(String xml) throws Exception {
        be.caisse.testsupport.XmlSchemas.validate(xml, Pain001Test.class.getResource("/sepa/pain.001.001.09.xsd"));
    }

    static String file(List<Pain001.Transfer> transfers, Pain001.Debtor debtor) {
        StringWriter w = new StringWriter();
        Pain001.write(w, "RUN-2026-12-0001", OffsetDateTime.parse("2026-12-01T09:30:00+01:00"), LocalDate.of(2026, 12, 3), debtor, transfers);
        return w.toString();
    }

    @Test
    void aRunIsAValidSepaCreditTransferFile() throws Exception {
        List<Pain001.Transfer> transfers = List.of(
                new Pain001.Transfer("BEN-2026-000001-2026-12", new BigDecimal("1704.45"), "Léa Dubois-Müller & Søn <x>", "BE71096123456769",
                        "Droit passerelle / overbruggingsrecht 2026-12, BEN-2026-000001"),
                new Pain001.Transfer("BEN-2026-000002-2026-07", new BigDecimal("2112.00"), "Pieter Claes", "NL91ABNA0417164300",
                        "Congé de naissance BEN-2026-000002 + intérêts 7.57"));
        String xml = file(transfers, FUND);
        assertValid(xml);
        assertTrue(xml.contains("<CtrlSum>3816.45</CtrlSum>"), xml);
        assertTrue(xml.contains("<NbOfTxs>2</NbOfTxs>"));
        assertTrue(xml.contains("<Nm>Lea Dubois-Muller   S n  x</Nm>"), xml);
        assertTrue(xml.contains("<Othr><Id>NOTPROVIDED</Id></Othr>"));
        assertTrue(xml.contains("<CreDtTm>2026-12-01T08:30:00</CreDtTm>"));
        assertValid(file(transfers, new Pain001.Debtor("Caisse", "BE68539007547034", "GKCCBEBB")));
    }

    @Test
    void latinCharactersOnlyAndTheLengthsOfTheRulebook() {
        assertEquals("Eloise Lefevre", Pain001.latin("Éloïse Lefèvre", 70));
        assertEquals(70, Pain001.latin("x".repeat(200), 70).length());
        assertEquals("-", Pain001.latin("€€€", 70));
        assertThrows(IllegalArgumentException.class, () -> file(List.of(), FUND));
    }

    @Test
    void anInvalidFileIsCaughtByTheSchema() {
        String broken = file(List.of(new Pain001.Transfer("E2E", new BigDecimal("1.00"), "A", "BE71096123456769", "r")), FUND)
                .replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CHK</PmtMtd>");
        assertThrows(SAXException.class, () -> assertValid(broken));
    }
}
