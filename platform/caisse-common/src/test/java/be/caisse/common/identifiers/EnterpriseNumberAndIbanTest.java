package be.caisse.common.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KBO/BCE numbers (REFERENCE.md §1.5) and IBANs (ISO 13616 mod 97, SEPA lengths). */
class EnterpriseNumberAndIbanTest {

    @ParameterizedTest(name = "KBO {0} → {1}")
    @CsvSource({
            "0314.595.348,   0314595348",   // the reference's example (FOD Economie)
            "BE 0314595348,  0314595348",
            "314595348,      0314595348",   // old 9-digit form
            "0403.170.701,   0403170701",
    })
    void validEnterpriseNumbers(String raw, String value) {
        assertEquals(value, EnterpriseNumber.parse(raw).value());
    }

    @ParameterizedTest(name = "KBO {0} refused: {1}")
    @CsvSource({
            "0314.595.349, check digits",
            "2314.595.348, establishment",
            "03145953,     10 digits",
    })
    void invalidEnterpriseNumbers(String raw, String reason) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> EnterpriseNumber.parse(raw));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "IBAN {0}")
    @CsvSource({
            "BE68 5390 0754 7034,          BE68539007547034, true",
            "be71 0961 2345 6769,          BE71096123456769, true",
            "NL91ABNA0417164300,           NL91ABNA0417164300, false",
            "FR14 2004 1010 0505 0001 3M02 606, FR1420041010050500013M02606, false",
            "DE89 3704 0044 0532 0130 00,  DE89370400440532013000, false",
    })
    void validIbans(String raw, String value, boolean belgian) {
        Iban iban = Iban.parse(raw);
        assertEquals(value, iban.value());
        assertEquals(belgian, iban.isBelgian());
    }

    @ParameterizedTest(name = "IBAN {0} refused: {1}")
    @CsvSource({
            "BE68 5390 0754 7035, check digits",
            "BE68 5390 0754 703,  16 characters",
            "US12 3456 7890 1234, SEPA",
            "12345,               country code",
    })
    void invalidIbans(String raw, String reason) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> Iban.parse(raw));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
