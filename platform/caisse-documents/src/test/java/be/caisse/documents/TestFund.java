package be.caisse.documents;

import java.util.Map;

final class TestFund {
    static FundIdentity identity() {
        return new FundIdentity(Map.of(DocumentLanguage.FR, "Caisse d'assurances sociales de test",
                DocumentLanguage.NL, "Sociaal verzekeringsfonds test", DocumentLanguage.DE, "Sozialversicherungskasse Test"),
                "Rue de la Loi 1", "1000", "Bruxelles", "0999.999.999", "BE68539007547034", "GKCCBEBB",
                "+32 2 000 00 00", "info@caisse.test", "www.caisse.test", Logo.DEFAULT);
    }
}
