package be.caisse.common.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text to be shown to a member or an agent, kept as a message key and its arguments rather than as words, so that
 * it is rendered in the reader's language when it is read (a notice's rule, a statement line, a warning), not in
 * the language of whoever wrote it. Plain Java: the domain builds them. Arguments are kept as their string form.
 *
 * <p>{@link #encode()} gives a compact stored form ({@code key|arg|arg}, with {@code |} and {@code \} escaped) for a
 * database column; {@link #decode(String)} reads it back, and reads an old stored sentence (no key) as a literal.
 */
public record Text(String key, List<String> args) {
    private static final String LITERAL = "literal";
    /** An argument that is itself a text (a part of a sentence that has its own words): {@code @{key|arg}}. */
    static final String NESTED = "@{";

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        List<String> values = new ArrayList<>(args.length);
        for (Object a : args) {
            values.add(a instanceof java.math.BigDecimal b ? b.toPlainString()
                    : a instanceof Text t ? NESTED + t.encode() + "}" : String.valueOf(a));
        }
        return new Text(key, values);
    }

    /** Words that are not translated (an agent's own note, a value from outside). */
    public static Text literal(String words) {
        return new Text(LITERAL, List.of(words == null ? "" : words));
    }

    public boolean isLiteral() {
        return LITERAL.equals(key);
    }

    public String encode() {
        StringBuilder out = new StringBuilder(key);
        for (String a : args) {
            out.append('|').append(a.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return out.toString();
    }

    public static Text decode(String stored) {
        if (stored == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length()) {
                current.append(stored.charAt(++i));
            } else if (c == '|') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        String key = parts.get(0);
        if (!key.matches("[a-z][a-z0-9.-]*")) {
            return literal(stored); // a sentence stored before texts were keyed
        }
        return new Text(key, parts.subList(1, parts.size()));
    }

    @Override
    public String toString() {
        return isLiteral() ? args.get(0) : key + (args.isEmpty() ? "" : Arrays.toString(args.toArray()));
    }
}
