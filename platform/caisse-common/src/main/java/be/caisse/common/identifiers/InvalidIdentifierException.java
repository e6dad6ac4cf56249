package be.caisse.common.identifiers;

import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;

/**
 * A Belgian identifier that does not validate. {@link #identifier()} names the kind ("niss", "iban"…), {@link
 * #code()} says what is wrong ({@code niss.check-digits}); the text ({@code identifier.<code>}) is for the member.
 */
public class InvalidIdentifierException extends IllegalArgumentException {
    private final String identifier;
    private final String code;
    private final Text text;

    public InvalidIdentifierException(String identifier, String code, Object... args) {
        this(identifier, code, Text.of("identifier." + code, args));
    }

    private InvalidIdentifierException(String identifier, String code, Text text) {
        super(Messages.render(Messages.ENGLISH, text));
        this.identifier = identifier;
        this.code = code;
        this.text = text;
    }

    /** Which kind of identifier was wrong ("niss", "structuredCommunication", …). */
    public String identifier() {
        return identifier;
    }

    public String code() {
        return code;
    }

    public Text text() {
        return text;
    }

    /** The same error about another field of the request (a partner's NISS, an account's IBAN…). */
    public InvalidIdentifierException forField(String field) {
        return new InvalidIdentifierException(field, code, text);
    }
}
