package be.caisse.documents;

import java.util.Map;

/**
 * Who the fund is, as every document shows it: configuration ({@code caisse.fund.*}), not text in the templates, so
 * that a fund running Caisse prints its own name, address, enterprise number, bank account and channels.
 *
 * @param names   the fund's name per document language (a fund has an official name in each language it serves)
 * @param logoUri the logo as a data URI (a PNG read from {@code caisse.fund.logo})
 */
public record FundIdentity(Map<DocumentLanguage, String> names, String street, String postalCode, String city,
                           String enterpriseNumber, String iban, String bic, String phone, String email,
                           String website, String logoUri) {

    public String name(DocumentLanguage language) {
        return names.getOrDefault(language, names.get(DocumentLanguage.FR));
    }

    /** The IBAN in groups of four, as it is printed. */
    public String ibanPrinted() {
        String compact = iban.replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, Math.min(compact.length(), i + 4));
        }
        return out.toString();
    }
}
