package be.caisse.common.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One bundle per language, the same keys in each, the same placeholders in each translation of a key. */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+|[a-z]+)}");

    @ParameterizedTest(name = "{0} has every key of the English bundle, and no other")
    @ValueSource(strings = {"fr", "nl", "de"})
    void everyKeyInEveryLanguage(String language) {
        Set<String> english = new TreeSet<>(Messages.keys("en"));
        Set<String> other = new TreeSet<>(Messages.keys(language));
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(other);
        Set<String> extra = new TreeSet<>(other);
        extra.removeAll(english);
        assertTrue(missing.isEmpty(), language + " lacks " + missing);
        assertTrue(extra.isEmpty(), language + " has keys English lacks: " + extra);
        assertTrue(english.size() > 200, "the bundles hold the system's texts");
    }

    @ParameterizedTest(name = "{0}: every text has the placeholders of its English original")
    @ValueSource(strings = {"fr", "nl", "de"})
    void samePlaceholders(String language) {
        for (String key : Messages.keys("en")) {
            String en = Messages.bundle("en").getProperty(key);
            String other = Messages.bundle(language).getProperty(key);
            assertFalse(other.isBlank(), language + " " + key + " is empty");
            assertEquals(placeholders(en), placeholders(other), language + " " + key);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "fr-BE,fr;q=0.9,en;q=0.8| fr",
            "nl-BE| nl",
            "de| de",
            "en-GB| en",
            "es, nl;q=0.5| nl",      // the first supported one, by weight
            "es| ",                  // none supported: the caller's recorded language or English decides
            "*| en",
            "fr;q=0, de| de",
            "garbage;;q=x| ",
    })
    void acceptLanguage(String header, String expected) {
        assertEquals(Optional.ofNullable(expected), Messages.fromAcceptLanguage(header));
    }

    @Test
    void textsAreRenderedWithTheirArgumentsAndApostrophesStay() {
        assertEquals("Le NISS manque.", Messages.text("fr", "identifier.niss.missing"));
        assertEquals("Een IBAN van NL telt 18 tekens.", Messages.text("nl", "identifier.iban.length", "NL", 18));
        assertEquals("La date du 2026-01-01 précède le début de la période en cours (2026-02-01).",
                Messages.render("fr", Text.of("rule.end-before-start", "2026-01-01", "2026-02-01")));
        // an argument that is itself a key is translated
        assertEquals("Die Berichtigung ist für ein(e) Einstellung nicht möglich.".replace("Die Berichtigung", "Diese Berichtigung"),
                Messages.render("de", Text.of("rule.correction-not-possible", "@transition.CESSATION")));
        assertEquals("unknown.key", Messages.text("fr", "unknown.key"));
        assertEquals("has 2 to 10 characters", Messages.text("xx", "field.size-between", 2, 10));
    }

    @Test
    void storedTextsRoundTrip() {
        Text t = Text.of("rule.x", "a|b", "c\\d", 12);
        assertEquals(t, Text.decode(t.encode()));
        assertEquals("An old sentence.", Messages.render("fr", Text.decode("An old sentence.")));
    }
}
