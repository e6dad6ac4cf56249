package be.caisse.common.problem;

import be.caisse.common.domain.Issue;
import be.caisse.common.i18n.Messages;
import be.caisse.common.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A request the fund refuses (a duplicate affiliation, an unknown dossier, a body that cannot be read…). Services
 * throw it from their API and application layers; {@link ProblemMappers} turns it into a problem document with this
 * status, the type {@code https://caisse.be/problems/<code>}, the title {@code title.<code>} (or the status's own),
 * the detail {@code problem.<code>} with the arguments, and the fields concerned, all in the reader's language.
 */
public class DomainProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Text detail;
    private final List<Issue> issues;

    public DomainProblem(int status, String code, Object... args) {
        this(status, code, Text.of("problem." + code, args), List.of());
    }

    private DomainProblem(int status, String code, Text detail, List<Issue> issues) {
        super(Messages.render(Messages.ENGLISH, detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.issues = List.copyOf(issues);
    }

    /** {@code <what>-not-found}: nothing of that kind at this address (or not visible to the caller). */
    public static DomainProblem notFound(String what, Object... args) {
        return new DomainProblem(404, what + "-not-found", args);
    }

    public static DomainProblem conflict(String code, Object... args) {
        return new DomainProblem(409, code, args);
    }

    public static DomainProblem badRequest(String code, Object... args) {
        return new DomainProblem(400, code, args);
    }

    /** A request whose fields are wrong: every one of them in one answer. */
    public static DomainProblem invalid(List<Issue> issues) {
        return new DomainProblem(400, "validation", Text.of("problem.validation", issues.size()), issues);
    }

    /** A refusal with its reasons, each an issue of the request as a whole (a judicial step refused: why). */
    public static DomainProblem refused(int status, String code, List<Issue> reasons, Object... args) {
        return new DomainProblem(status, code, Text.of("problem." + code, args), reasons);
    }

    /** The same problem, naming the field of the request it is about. */
    public DomainProblem on(String field) {
        List<Issue> all = new ArrayList<>(issues);
        all.add(new Issue(field, code, detail));
        return new DomainProblem(status, code, detail, all);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Text detail() {
        return detail;
    }

    public List<Issue> issues() {
        return issues;
    }
}
