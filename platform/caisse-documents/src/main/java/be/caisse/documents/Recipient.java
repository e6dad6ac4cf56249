package be.caisse.documents;

import be.caisse.common.projection.KnownPerson;
import java.util.Map;

/** The person as a letter addresses her; an unknown person is addressed by NISS alone, in French. */
public record Recipient(String niss, String name, String line1, String line2, DocumentLanguage language) {
    public static Recipient of(String niss, KnownPerson p) {
        if (p == null) {
            return new Recipient(niss, DocumentFormat.niss(niss), "", "", DocumentLanguage.FR);
        }
        return new Recipient(niss, p.fullName(), nz(p.addressLine1), nz(p.addressLine2), DocumentLanguage.of(p.language));
    }

    /** The address block and NISS every template prints ({@code recipientName}, {@code addressLine1/2}, {@code niss}). */
    public void into(Map<String, Object> data) {
        data.put("recipientName", name);
        data.put("addressLine1", line1);
        data.put("addressLine2", line2);
        data.put("niss", DocumentFormat.niss(niss));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
