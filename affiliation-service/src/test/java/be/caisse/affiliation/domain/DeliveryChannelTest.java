package be.caisse.affiliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 11: "each member chooses a channel (e-mail or paper; e-mail by default once an address is known)". */
class DeliveryChannelTest {
    @ParameterizedTest(name = "chosen {0}, e-mail known {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "none,  false, PAPER",  // nothing chosen, no address: letters
            "none,  true,  EMAIL",  // the default once an address is known
            "EMAIL, true,  EMAIL",
            "EMAIL, false, PAPER",  // the address was removed: paper until one is given again
            "PAPER, true,  PAPER",  // her choice wins over the default
            "PAPER, false, PAPER"})
    void theChannelDocumentsTake(DeliveryChannel chosen, boolean hasEmail, DeliveryChannel expected) {
        assertEquals(expected, DeliveryChannel.effective(chosen, hasEmail));
    }
}
