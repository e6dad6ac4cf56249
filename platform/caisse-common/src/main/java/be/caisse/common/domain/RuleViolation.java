package be.caisse.common.domain;

import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A request that a rule of the domain refuses. Plain Java, so that {@code domain} packages can throw it; the API
 * answers it as a 400 problem document whose type is the stable {@link #code()} and whose detail is the text of
 * {@code rule.<code>} with the arguments, in the reader's language. A violation tied to fields of the request names
 * them ({@link #on(String)}), and several can be reported at once ({@link Collector}).
 */
public class RuleViolation extends RuntimeException {
    private final String code;
    private final Text text;
    private final List<Issue> issues;

    public RuleViolation(String code, Object... args) {
        this(code, Text.of("rule." + code, args), List.of());
    }

    /** A violation whose text is not {@code rule.<code>} (a statement's line and what is wrong on it). */
    protected RuleViolation(Text text, String code) {
        this(code, text, List.of());
    }

    private RuleViolation(String code, Text text, List<Issue> issues) {
        super(Messages.render(Messages.ENGLISH, text));
        this.code = code;
        this.text = text;
        this.issues = List.copyOf(issues);
    }

    /** The same violation, naming the field of the request it is about. */
    public RuleViolation on(String field) {
        List<Issue> all = new ArrayList<>(issues);
        all.add(new Issue(field, code, text));
        return new RuleViolation(code, text, all);
    }

    public String code() {
        return code;
    }

    public Text text() {
        return text;
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Gathers every violation of a request, so that the answer lists them all instead of the first one. */
    public static final class Collector {
        private final List<RuleViolation> found = new ArrayList<>();

        public Collector add(RuleViolation v) {
            found.add(v);
            return this;
        }

        /** Runs a check and keeps its violation, if any. */
        public Collector check(Runnable check) {
            try {
                check.run();
            } catch (RuleViolation v) {
                found.add(v);
            }
            return this;
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        public void throwIfAny() {
            if (found.isEmpty()) {
                return;
            }
            if (found.size() == 1) {
                throw found.get(0);
            }
            List<Issue> all = new ArrayList<>();
            for (RuleViolation v : found) {
                all.addAll(v.issues().isEmpty() ? List.of(new Issue(null, v.code(), v.text())) : v.issues());
            }
            throw new RuleViolation("several", Text.of("rule.several", found.size()), all);
        }
    }
}
