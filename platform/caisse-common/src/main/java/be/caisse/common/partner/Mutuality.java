package be.caisse.common.partner;

import java.util.Locale;
import java.util.Optional;

/**
 * The Belgian health insurers (organismes assureurs / verzekeringsinstellingen), by their national code. A person
 * belongs to one at a time; the fund tells it what it needs to open her health-care rights (the contribution slip,
 * REFERENCE.md §6) and nothing else. The codes are those of the insurers' national unions (CIN/NIC); the list is
 * not in REFERENCE.md and is data: a new insurer is a new line here and a partner account (README, "Partners").
 */
public enum Mutuality {
    CHRISTIAN("100", "Mutualité chrétienne", "Christelijke Mutualiteit"),
    NEUTRAL("200", "Mutualités neutres", "Neutrale Ziekenfondsen"),
    SOCIALIST("300", "Solidaris", "Socialistische Mutualiteiten"),
    LIBERAL("400", "Mutualités libérales", "Liberale Mutualiteiten"),
    INDEPENDENT("500", "Mutualités libres", "Onafhankelijke Ziekenfondsen"),
    AUXILIARY("600", "Caisse auxiliaire d'assurance maladie-invalidité (CAAMI)", "Hulpkas voor Ziekte- en Invaliditeitsverzekering (HZIV)"),
    HR_RAIL("900", "HR Rail – Caisse des soins de santé", "HR Rail – Kas der geneeskundige verzorging");

    /** Partner topics are {@code caisse.partner.<code>.events}; a partner's ACLs allow the prefix {@code caisse.partner.<code>.}. */
    public static final String TOPIC_PREFIX = "caisse.partner.";
    /** A partner's identity (Keycloak client and Kafka user) is {@code mutuality-<code>}. */
    public static final String ACCOUNT_PREFIX = "mutuality-";
    /** The codes as one regular expression, for input validation. */
    public static final String CODES = "100|200|300|400|500|600|900";

    private final String code;
    private final String nameFr;
    private final String nameNl;

    Mutuality(String code, String nameFr, String nameNl) {
        this.code = code;
        this.nameFr = nameFr;
        this.nameNl = nameNl;
    }

    public String code() {
        return code;
    }

    /** The insurer's name in the reader's language (Dutch for nl, French otherwise: both are official names). */
    public String displayName(String language) {
        return "nl".equals(language == null ? null : language.toLowerCase(Locale.ROOT)) ? nameNl : nameFr;
    }

    public String topic() {
        return topicOf(code);
    }

    public static String topicOf(String code) {
        return TOPIC_PREFIX + code + ".events";
    }

    public static Optional<Mutuality> byCode(String code) {
        for (Mutuality m : values()) {
            if (m.code.equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The insurer a partner account stands for: {@code mutuality-300} → Solidaris; any other account → none. */
    public static Optional<Mutuality> ofAccount(String account) {
        if (account == null || !account.startsWith(ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        return byCode(account.substring(ACCOUNT_PREFIX.length()));
    }
}
