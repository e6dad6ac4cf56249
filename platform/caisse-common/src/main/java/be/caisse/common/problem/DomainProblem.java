package be.caisse.common.problem;

/**
 * A request the fund's rules refuse (a duplicate affiliation, an unknown dossier…). Services throw it from their
 * application layer; {@link ProblemMappers} turns it into a problem document with this status and text.
 */
public class DomainProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;

    public DomainProblem(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static DomainProblem notFound(String what, String detail) {
        return new DomainProblem(404, what + "-not-found", "Not found", detail);
    }

    public static DomainProblem conflict(String slug, String title, String detail) {
        return new DomainProblem(409, slug, title, detail);
    }

    public static DomainProblem badRequest(String slug, String title, String detail) {
        return new DomainProblem(400, slug, title, detail);
    }

    public Problem toProblem() {
        return Problem.of(status, slug, title, getMessage());
    }
}
