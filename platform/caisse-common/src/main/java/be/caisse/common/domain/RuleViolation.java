package be.caisse.common.domain;

/**
 * A request that a rule of the domain refuses. Plain Java, so that {@code domain} packages can throw it; the API
 * answers it as a 400 problem document whose type is the stable {@link #code()} and whose detail is the message,
 * written for the member.
 */
public class RuleViolation extends RuntimeException {
    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
