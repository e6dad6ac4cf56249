package be.caisse.common.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The purpose a front end sends in a header reaches the trail as it was written. */
class AccessTrailTest {
    @Test
    void aPurposeSentAsUtf8IsReadAsUtf8AndALatin1OneStaysItself() {
        String written = "appel téléphonique — dossier";
        String asTheServerReadsIt = new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(written, AccessTrail.utf8(asTheServerReadsIt));
        assertEquals("appel téléphonique", AccessTrail.utf8("appel téléphonique")); // sent as ISO-8859-1: not valid UTF-8
        assertEquals("plain", AccessTrail.utf8("plain"));
    }
}
