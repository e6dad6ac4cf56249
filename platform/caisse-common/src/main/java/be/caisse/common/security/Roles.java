package be.caisse.common.security;

/** The realm roles of the {@code caisse} Keycloak realm. */
public final class Roles {
    public static final String AFFILIATE = "affiliate";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** A partner mutuality's service account (client {@code mutuality-<code>}). */
    public static final String PARTNER = "partner";
    /** The data protection officer: searches the access trail, exports a member's data. */
    public static final String DPO = "dpo";
    /** Claim of an affiliate's token that carries the person's NISS. */
    public static final String NISS_CLAIM = "niss";

    private Roles() {
    }
}
