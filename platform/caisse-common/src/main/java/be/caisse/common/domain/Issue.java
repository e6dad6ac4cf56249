package be.caisse.common.domain;

import be.caisse.common.i18n.Text;

/**
 * One thing wrong with one field of a request: where ({@code field}, the path in the request a form can map:
 * {@code address.postalCode}, {@code quarters[1]}, a query parameter's name), what (a stable {@code code}) and the
 * text to show, rendered in the reader's language.
 */
public record Issue(String field, String code, Text message) {
    /** By field (the body as a whole first), then code: a stable order for an answer. */
    public static final java.util.Comparator<Issue> BY_FIELD = java.util.Comparator
            .comparing((Issue i) -> i.field() == null ? "" : i.field()).thenComparing(Issue::code);

    public static Issue of(String field, String code, String messageKey, Object... args) {
        return new Issue(field, code, Text.of(messageKey, args));
    }

    /** An issue whose message is the field message of its code ({@code field.<code>}). */
    public static Issue field(String field, String code, Object... args) {
        return new Issue(field, code, Text.of("field." + code, args));
    }
}
