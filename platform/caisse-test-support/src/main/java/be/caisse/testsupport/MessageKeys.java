package be.caisse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every text a service can show has its key in the message bundles: the codes of the rules, problems and field
 * errors written in the sources ({@code new RuleViolation("x")} → {@code rule.x}, {@code DomainProblem.conflict("x")}
 * → {@code problem.x}, {@code message = "x"} → {@code field.x}, {@code Text.of("k")}, {@code language.text("k")}) are
 * looked up in each language. A code without its text is a defect the front end would show as a bare key.
 */
public final class MessageKeys {
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("new (?:\\w+)?RuleViolation\\(\\s*\"([a-z0-9-]+)\"\\s*[,)]"), "rule.%s"),
            new Rule(Pattern.compile("new DomainProblem\\(\\s*\\d+,\\s*\"([a-z0-9-]+)\"\\s*[,)]"), "problem.%s"),
            new Rule(Pattern.compile("DomainProblem\\.(?:badRequest|conflict)\\(\\s*\"([a-z0-9-]+)\"\\s*[,)]"), "problem.%s"),
            new Rule(Pattern.compile("DomainProblem\\.notFound\\(\\s*\"([a-z0-9-]+)\"\\s*[,)]"), "problem.%s-not-found"),
            new Rule(Pattern.compile("message = \"([a-z][a-z0-9-]*)\""), "field.%s"),
            new Rule(Pattern.compile("Issue\\.field\\(\\s*[^,]+,\\s*\"([a-z0-9-]+)\"\\s*[,)]"), "field.%s"),
            new Rule(Pattern.compile("(?:Text\\.of|language\\.text|Messages\\.text)\\(\\s*\"([a-z][a-z0-9.-]*[a-z0-9])\"\\s*[,)]"), "%s"));

    private record Rule(Pattern pattern, String key) {
    }

    private MessageKeys() {
    }

    /** The keys the Java sources under {@code root} use. */
    public static Set<String> usedIn(Path root) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Rule r : RULES) {
                    Matcher m = r.pattern().matcher(source);
                    while (m.find()) {
                        keys.add(String.format(r.key(), m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    public static Properties bundle(String language) {
        Properties p = new Properties();
        try (InputStream in = MessageKeys.class.getClassLoader().getResourceAsStream("caisse/messages_" + language + ".properties")) {
            if (in == null) {
                throw new AssertionError("No message bundle for " + language);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Fails listing every key used under {@code root} that a language does not have. */
    public static void assertAllDefined(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AssertionError("No source folder " + root + ": is the path right?");
        }
        Set<String> used = usedIn(root);
        StringBuilder missing = new StringBuilder();
        for (String language : List.of("en", "fr", "nl", "de")) {
            Properties p = bundle(language);
            for (String key : used) {
                if (!p.containsKey(key)) {
                    missing.append(language).append(": ").append(key).append('\n');
                }
            }
        }
        if (missing.length() > 0) {
            throw new AssertionError("Keys used in " + root + " without a text:\n" + missing);
        }
    }
}
