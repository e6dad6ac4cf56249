package be.caisse.common.identifiers;

/** A Belgian identifier that does not validate; the message says why, in words a member can read. */
public class InvalidIdentifierException extends IllegalArgumentException {
    private final String identifier;

    public InvalidIdentifierException(String identifier, String reason) {
        super(reason);
        this.identifier = identifier;
    }

    /** Which kind of identifier was wrong ("niss", "structuredCommunication", …). */
    public String identifier() {
        return identifier;
    }
}
