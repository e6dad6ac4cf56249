package be.caisse.common.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Belgian structured communication: 10 digits + (10 digits mod 97), 0 written as 97. */
class StructuredCommunicationTest {

    @ParameterizedTest(name = "reference {0} → {1}")
    @CsvSource({
            "1,          +++000/0000/00101+++",
            "97,         +++000/0000/09797+++",   // remainder 0 is written 97
            "240283842,  +++024/0283/84201+++",
    })
    void fromReference(long reference, String expected) {
        StructuredCommunication sc = StructuredCommunication.fromReference(reference);
        assertEquals(expected, sc.formatted());
        assertEquals(sc, StructuredCommunication.parse(expected));
    }

    @ParameterizedTest(name = "{0} parses")
    @CsvSource({
            "+++240/2838/42818+++",   // the communication of the real KBC CODA sample (shared/data/coda)
            "***240/2838/42818***",
            "240283842818",
    })
    void parsesRealCommunications(String raw) {
        assertEquals("240283842818", StructuredCommunication.parse(raw).digits());
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"+++240/2838/42819+++", "+++240/2838/4281+++", "abc"})
    void refusesWrongOnes(String raw) {
        assertThrows(InvalidIdentifierException.class, () -> StructuredCommunication.parse(raw));
    }
}
