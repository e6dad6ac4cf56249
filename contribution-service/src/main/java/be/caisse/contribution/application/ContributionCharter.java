package be.caisse.contribution.application;

import static be.caisse.common.charter.CharterSql.count;
import static be.caisse.common.charter.CharterSql.durations;
import static be.caisse.common.charter.CharterSql.rows;

import be.caisse.common.charter.CharterSource;
import be.caisse.common.charter.CharterSql;
import be.caisse.common.domain.CharterFigure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contribution part of the charter: notices of the quarter and of the regularisations "correct, clear and sent
 * in time", the member's requests answered, the contribution slips to the insurers and INASTI's statistics "in
 * time". The delays in days are this fund's parameters (the reference gives none): the request target, the slip
 * delay after the year is paid, the delay to answer INASTI after a quarter ends.
 */
@ApplicationScoped
public class ContributionCharter implements CharterSource {
    private static final String NOTICES = "Les avis d'échéance des cotisations sociales et des régularisations sont corrects, clairs et vous sont envoyés dans les temps (charte)";
    private static final String ADVICE = "UCM vous conseille adéquatement et vous propose les solutions les plus appropriées (charte)";
    private static final String PARTNERS = "La communication, par voie électronique, correcte et dans les délais, des données de paiement aux mutualités (charte)";
    private static final String INASTI = "UCM répond de façon correcte, complète et dans les temps aux demandes de statistiques de l'Inasti (charte)";
    private static final String DAY = "CAST(%s AT TIME ZONE 'Europe/Brussels' AS DATE)";
    /** The first day of a quarter {@code 2026-Q3} stored as text. */
    private static final String QUARTER_START = "make_date(CAST(substr(%1$s, 1, 4) AS INTEGER), (CAST(substr(%1$s, 7, 1) AS INTEGER) - 1) * 3 + 1, 1)";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "caisse.charter.share-target", defaultValue = "90")
    BigDecimal shareTarget;

    @ConfigProperty(name = "caisse.charter.contribution.request-target-days", defaultValue = "30")
    int requestDays;

    @ConfigProperty(name = "caisse.charter.contribution.slip-delay-days", defaultValue = "30")
    int slipDays;

    @ConfigProperty(name = "caisse.charter.inasti.report-delay-days", defaultValue = "30")
    int inastiDays;

    @Override
    public String service() {
        return "contribution";
    }

    @Override
    public List<CharterFigure> figures(LocalDate from, LocalDate to) {
        // the quarterly notices: those the quarter's run issued (not a late registration's catch-up), the first version
        Object[] notices = rows(em, "SELECT count(*), count(*) FILTER (WHERE d.sent_at IS NOT NULL AND "
                + DAY.formatted("d.sent_at") + " < q.starts + interval '1 month') FROM (SELECT q.niss, q.quarter, "
                + QUARTER_START.formatted("q.quarter") + " AS starts FROM contribution_quarter q JOIN notice_run r ON r.quarter = q.quarter "
                + "WHERE q.created_at <= COALESCE(r.finished_at, q.created_at)) q "
                + "LEFT JOIN issued_document d ON d.type = 'payment-notice' AND d.business_key = q.niss || ':' || q.quarter AND d.replaces IS NULL "
                + "WHERE q.starts BETWEEN ?1 AND ?2", from, to).get(0);
        long regularisationsIssued = count(em, "SELECT count(*) FROM issued_document WHERE type = 'regularisation-notice' AND "
                + DAY.formatted("issued_at") + " BETWEEN ?1 AND ?2", from, to);
        long regularisationsSent = count(em, "SELECT count(*) FROM issued_document WHERE type = 'regularisation-notice' AND sent_at IS NOT NULL AND "
                + DAY.formatted("sent_at") + " BETWEEN ?1 AND ?2", from, to);
        String decided = DAY.formatted("decided_at");
        CharterSql.Durations requests = durations(em, "SELECT EXTRACT(EPOCH FROM (decided_at - created_at)) / 86400.0 AS days "
                + "FROM contribution_request WHERE decided_at IS NOT NULL AND " + decided + " BETWEEN ?1 AND ?2", from, to);
        long requestsInTime = count(em, "SELECT count(*) FROM contribution_request WHERE decided_at IS NOT NULL AND " + decided
                + " BETWEEN ?1 AND ?2 AND decided_at <= created_at + make_interval(days => ?3)", from, to, requestDays);
        long filed = count(em, "SELECT count(*) FROM contribution_request WHERE " + DAY.formatted("created_at") + " BETWEEN ?1 AND ?2", from, to);
        long filedAnswered = count(em, "SELECT count(*) FROM contribution_request WHERE decided_at IS NOT NULL AND "
                + DAY.formatted("created_at") + " BETWEEN ?1 AND ?2", from, to);
        // a slip is due once the year is paid: measured from the last payment booked on the year before the slip
        Object[] slips = rows(em, "SELECT count(*), count(*) FILTER (WHERE " + DAY.formatted("s.issued_at")
                + " <= COALESCE(p.paid_on, " + DAY.formatted("s.issued_at") + ") + ?3) FROM contribution_slip s "
                + "LEFT JOIN LATERAL (SELECT max(l.booked_on) AS paid_on FROM ledger_entry l WHERE l.account = s.niss "
                + "AND l.period LIKE CAST(s.year AS TEXT) || '%' AND l.amount < 0 AND l.booked_on <= " + DAY.formatted("s.issued_at")
                + ") p ON TRUE WHERE " + DAY.formatted("s.issued_at") + " BETWEEN ?1 AND ?2", from, to, slipDays).get(0);
        // the quarters whose answer was due in the period (end + delay) and in which the fund billed anyone: answered in
        // time if a report came by then
        Object[] inasti = rows(em, "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM authority_report a "
                + "WHERE a.authority = 'INASTI' AND a.quarter = q.quarter AND " + DAY.formatted("a.produced_at") + " <= q.due)) "
                + "FROM (SELECT to_char(d, 'YYYY') || '-Q' || to_char(d, 'Q') AS quarter, CAST(d + interval '3 months' AS DATE) - 1 + ?3 AS due "
                + "FROM generate_series(date_trunc('quarter', CAST(?1 AS DATE) - (?3 + 100)), CAST(?2 AS DATE), interval '3 months') d) q "
                + "WHERE q.due BETWEEN ?1 AND ?2 AND EXISTS (SELECT 1 FROM contribution_quarter c WHERE c.quarter = q.quarter)", from, to, inastiDays).get(0);
        long reports = count(em, "SELECT count(*) FROM authority_report WHERE " + DAY.formatted("produced_at") + " BETWEEN ?1 AND ?2", from, to);
        return List.of(
                CharterFigure.share("quarterly-notices-sent-in-first-month", NOTICES,
                        "Share of the quarterly notices (issued by the quarter's run) of the quarters starting in the period that were "
                                + "issued and sent before the end of the first month of their quarter",
                        n(notices[1]), n(notices[0]), shareTarget),
                CharterFigure.count("regularisation-notices-issued", NOTICES, "Regularisation notices issued in the period", regularisationsIssued),
                CharterFigure.count("regularisation-notices-sent", NOTICES, "Regularisation notices sent (mail or post) in the period", regularisationsSent),
                CharterFigure.share("member-requests-answered", ADVICE,
                        "Share of the requests (estimates, exemptions, waivers, plans) filed in the period that are answered", filedAnswered, filed, null),
                CharterFigure.days("member-requests-median-days", ADVICE,
                        "Median of the days from a request to its answer, over the requests answered in the period", requests.median(),
                        requests.count(), BigDecimal.valueOf(requestDays)),
                CharterFigure.share("member-requests-within-target", ADVICE,
                        "Share of the requests answered in the period that were answered within " + requestDays
                                + " days (caisse.charter.contribution.request-target-days)", requestsInTime, requests.count(), shareTarget),
                CharterFigure.share("contribution-slips-within-delay", PARTNERS,
                        "Share of the contribution slips sent to the insurers in the period within " + slipDays
                                + " days (caisse.charter.contribution.slip-delay-days) of the last payment of their year",
                        n(slips[1]), n(slips[0]), shareTarget),
                CharterFigure.share("inasti-reports-in-time", INASTI,
                        "Share of the quarters the fund billed whose statistics were due in the period (quarter end + " + inastiDays
                                + " days, caisse.charter.inasti.report-delay-days) for which a report was produced by then",
                        n(inasti[1]), n(inasti[0]), shareTarget),
                CharterFigure.count("inasti-reports-produced", INASTI, "Statistics reports produced for INASTI in the period", reports));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
