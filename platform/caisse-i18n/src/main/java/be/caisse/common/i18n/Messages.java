package be.caisse.common.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one message bundle of the system, one file per language ({@code caisse/messages_<lang>.properties}, UTF-8):
 * problem titles and details, field messages, statement labels, rule explanations, warnings and notes. French,
 * Dutch and German are the fund's languages; English is the fallback of the API. A key missing in a language falls
 * back to English (a test checks that none is missing), and an unknown key is shown as itself.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}… for the arguments of a {@link Text}, or {@code {name}} for named
 * values; apostrophes need no escaping (unlike {@link java.text.MessageFormat}, which French sentences would trip).
 */
public final class Messages {
    public static final String ENGLISH = "en";
    /** The languages the API answers in, the fund's own three first. */
    public static final List<String> LANGUAGES = List.of("fr", "nl", "de", "en");

    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private Messages() {
    }

    public static Properties bundle(String language) {
        return BUNDLES.computeIfAbsent(language, Messages::load);
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        String name = "caisse/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Message bundle " + name + " cannot be read", e);
        }
        return p;
    }

    public static Set<String> keys(String language) {
        return bundle(language).stringPropertyNames();
    }

    public static Optional<String> find(String language, String key) {
        String value = bundle(normalise(language)).getProperty(key);
        if (value == null) {
            value = bundle(ENGLISH).getProperty(key);
        }
        return Optional.ofNullable(value);
    }

    /** The text of a key in a language, with positional arguments. */
    public static String text(String language, String key, Object... args) {
        return format(find(language, key).orElse(key), args, Map.of());
    }

    /** The text of a key with named values ({@code {min}}, {@code {max}}…). */
    public static String named(String language, String key, Map<String, ?> values) {
        return format(find(language, key).orElse(key), new Object[0], values);
    }

    public static String render(String language, Text text) {
        if (text == null) {
            return null;
        }
        if (text.isLiteral()) {
            return text.args().get(0);
        }
        Object[] args = text.args().stream().map(a -> localiseArgument(language, a)).toArray();
        return format(find(language, text.key()).orElse(text.key()), args, Map.of());
    }

    /**
     * An argument that is itself a key ({@code @category.PRINCIPAL}) or a text ({@code @{key|arg}}) is translated
     * too; an empty argument stays empty (an optional part of a sentence that does not apply).
     */
    private static Object localiseArgument(String language, String arg) {
        if (arg != null && arg.startsWith(Text.NESTED) && arg.endsWith("}")) {
            return render(language, Text.decode(arg.substring(Text.NESTED.length(), arg.length() - 1)));
        }
        if (arg != null && arg.length() > 1 && arg.charAt(0) == '@') {
            return find(language, arg.substring(1)).orElse(arg.substring(1));
        }
        return arg;
    }

    static String format(String pattern, Object[] args, Map<String, ?> named) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1) {
                String name = pattern.substring(i + 1, close);
                Object value = null;
                boolean known = false;
                if (name.chars().allMatch(Character::isDigit) && name.length() < 3) {
                    int index = Integer.parseInt(name);
                    if (index < args.length) {
                        value = args[index];
                        known = true;
                    }
                } else if (named.containsKey(name)) {
                    value = named.get(name);
                    known = true;
                }
                if (known) {
                    out.append(value);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** One of the supported languages, English for anything else. */
    public static String normalise(String language) {
        if (language == null) {
            return ENGLISH;
        }
        String l = language.toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(l) ? l : ENGLISH;
    }

    /**
     * The best supported language of an {@code Accept-Language} header (q-values honoured), or empty when the header
     * is absent, unreadable or names none of them.
     */
    public static Optional<String> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange();
                if (tag.equals("*")) {
                    return Optional.of(ENGLISH);
                }
                String primary = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (LANGUAGES.contains(primary)) {
                    return Optional.of(primary);
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
