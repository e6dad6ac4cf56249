package be.caisse.common.security;

/** The realm roles of the {@code caisse} Keycloak realm. */
public final class Roles {
    public static final String AFFILIATE = "affiliate";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** Claim of an affiliate's token that carries the person's NISS. */
    public static final String NISS_CLAIM = "niss";

    private Roles() {
    }
}
