package be.caisse.documents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The service's renderer, with the fund's identity from configuration ({@code caisse.fund.*}). */
@ApplicationScoped
public class Documents {
    @ConfigMapping(prefix = "caisse.fund")
    public interface FundConfig {
        @WithDefault("Caisse d'assurances sociales Caisse")
        String nameFr();

        @WithDefault("Sociaal verzekeringsfonds Caisse")
        String nameNl();

        @WithDefault("Sozialversicherungskasse Caisse")
        String nameDe();

        @WithDefault("Rue de la Loi 1")
        String street();

        @WithDefault("1000")
        String postalCode();

        @WithDefault("Bruxelles")
        String city();

        @WithDefault("0999.999.999")
        String enterpriseNumber();

        @WithDefault("BE68539007547034")
        String iban();

        @WithDefault("GKCCBEBB")
        String bic();

        @WithDefault("+32 2 000 00 00")
        String phone();

        @WithDefault("info@caisse.example")
        String email();

        @WithDefault("www.caisse.example")
        String website();

        /** A PNG: {@code classpath:documents/logo.png} or a file path. */
        @WithDefault("classpath:documents/logo.png")
        String logo();
    }

    private final DocumentRenderer renderer;

    @Inject
    public Documents(FundConfig config) {
        this.renderer = new DocumentRenderer(identity(config));
    }

    public DocumentRenderer renderer() {
        return renderer;
    }

    public FundIdentity fund() {
        return renderer.fund();
    }

    static FundIdentity identity(FundConfig c) {
        return new FundIdentity(Map.of(DocumentLanguage.FR, c.nameFr(), DocumentLanguage.NL, c.nameNl(),
                DocumentLanguage.DE, c.nameDe()), c.street(), c.postalCode(), c.city(), c.enterpriseNumber(),
                c.iban(), c.bic(), c.phone(), c.email(), c.website(), Logo.load(c.logo()));
    }

    /** The EPC QR payload of a transfer to the fund: its IBAN and BIC, the amount, the structured communication. */
    public String paymentQr(java.math.BigDecimal amount, String structuredCommunication) {
        FundIdentity fund = fund();
        return EpcQrCode.payload(fund.bic(), fund.name(DocumentLanguage.FR), fund.iban(), amount, structuredCommunication);
    }
}
