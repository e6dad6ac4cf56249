package be.caisse.affiliation.domain;

/** A request the affiliation rules refuse; {@code code} is stable, the message is for the member. */
public class AffiliationRuleViolation extends RuntimeException {
    private final String code;

    public AffiliationRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
