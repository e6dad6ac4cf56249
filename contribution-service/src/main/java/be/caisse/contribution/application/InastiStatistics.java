package be.caisse.contribution.application;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.time.Quarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures INASTI asks of a fund for a quarter, each computed from the account's own data when asked (never from
 * counters), each with its definition next to it ({@link Figure#definition}):
 * affiliates by category and sex at the end of the quarter, newly affiliated and ceased, contributions called and
 * collected, surcharges booked and waived, dispensations and assimilated quarters, open recovery cases and what they
 * claim. The sex is the NISS's (an odd sequence number is a man's).
 */
@ApplicationScoped
public class InastiStatistics {
    @Inject
    EntityManager em;

    /** One figure: its key, its value (a whole count, or euros with cents), and what it counts. */
    public record Figure(String key, Number value, String unit, String definition) {
    }

    /** Affiliates at the end of the quarter, by category and sex. */
    public record Affiliates(String category, String sex, long count) {
    }

    public record Report(String quarter, LocalDate from, LocalDate to, List<Affiliates> affiliates, List<Figure> figures) {
    }

    public Report report(Quarter q) {
        LocalDate from = q.firstDay();
        LocalDate to = q.lastDay();
        List<Figure> figures = new ArrayList<>();
        List<Affiliates> affiliates = affiliates(to);
        figures.add(count("affiliates", affiliates.stream().mapToLong(Affiliates::count).sum(),
                "persons with a period of liability covering the last day of the quarter"));
        figures.add(count("newlyAffiliated", single("SELECT count(*) FROM (SELECT niss, MIN(starts_on) AS first FROM liability_period "
                        + "GROUP BY niss) f WHERE f.first BETWEEN :f AND :t", from, to),
                "persons whose first period of liability starts in the quarter"));
        figures.add(count("ceased", single("SELECT count(DISTINCT p.niss) FROM liability_period p WHERE p.ends_on BETWEEN :f AND :t "
                        + "AND NOT EXISTS (SELECT 1 FROM liability_period n WHERE n.niss = p.niss AND n.starts_on <= p.ends_on + 1 "
                        + "AND (n.ends_on IS NULL OR n.ends_on > p.ends_on))", from, to),
                "persons whose liability ends in the quarter with no period following it"));
        figures.add(euros("contributionsCalled", amount("SELECT SUM(amount) FROM ledger_entry WHERE component = 'PRINCIPAL' "
                        + "AND kind IN ('CONTRIBUTION', 'FEE', 'REGULARISATION', 'REDUCTION') AND booked_on BETWEEN :f AND :t", from, to),
                "contributions, fees and regularisations booked in the quarter, less the notices cancelled in it (reductions)"));
        figures.add(euros("contributionsCollected", amount("SELECT -SUM(amount) FROM ledger_entry WHERE kind = 'PAYMENT' "
                        + "AND booked_on BETWEEN :f AND :t", from, to),
                "payments received in the quarter (on contributions, surcharges or kept as credit)"));
        figures.add(euros("surchargesBooked", amount("SELECT SUM(amount) FROM ledger_entry WHERE kind = 'SURCHARGE' "
                        + "AND booked_on BETWEEN :f AND :t", from, to),
                "surcharges booked in the quarter, less those cancelled in it"));
        figures.add(euros("surchargesWaived", amount("SELECT -SUM(amount) FROM ledger_entry WHERE kind = 'WAIVER' "
                        + "AND booked_on BETWEEN :f AND :t", from, to),
                "surcharges waived in the quarter (remise)"));
        figures.add(count("dispensationsGranted", single("SELECT count(*) FROM contribution_request WHERE type = 'EXEMPTION' "
                        + "AND status = 'GRANTED' AND CAST(decided_at AS date) BETWEEN :f AND :t", from, to),
                "requests for a dispensation of contributions granted by INASTI (recorded in the quarter)"));
        figures.add(count("assimilatedQuarters", single("SELECT count(*) FROM exempted_quarter WHERE quarter = :q", q),
                "persons whose contributions of the quarter are not due (carer leave, maternity relief)"));
        Object[] cases = (Object[]) em.createNativeQuery("WITH last AS (SELECT DISTINCT ON (reference) reference, account, state, periods "
                        + "FROM recovery_case_move WHERE moved_on <= :t ORDER BY reference, moved_on DESC, id DESC) "
                        + "SELECT count(*), COALESCE(SUM(x.amount), 0) FROM last l LEFT JOIN LATERAL (SELECT SUM(e.amount) AS amount "
                        + "FROM ledger_entry e WHERE e.account = l.account AND e.period = ANY(string_to_array(l.periods, ',')) "
                        + "AND e.component IN ('PRINCIPAL', 'SURCHARGE') AND e.booked_on <= :t) x ON true WHERE l.state <> 'CLOSED'")
                .setParameter("t", Date.valueOf(to)).getSingleResult();
        figures.add(count("openRecoveryCases", ((Number) cases[0]).longValue(),
                "recovery cases not closed on the last day of the quarter"));
        figures.add(euros("openRecoveryAmount", scale((BigDecimal) cases[1]),
                "what those cases claim on that day: contributions and surcharges of their periods not paid"));
        return new Report(q.toString(), from, to, affiliates, figures);
    }

    private List<Affiliates> affiliates(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (niss) niss, category FROM liability_period WHERE starts_on <= :d "
                + "AND (ends_on IS NULL OR ends_on >= :d) ORDER BY niss, starts_on DESC").setParameter("d", Date.valueOf(day)).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] r : rows) {
            Niss.Sex sex = Niss.parse((String) r[0]).sex();
            counts.merge(r[1] + "|" + sex.name(), 1L, Long::sum);
        }
        List<Affiliates> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(new Affiliates(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1), v)));
        return list;
    }

    private long single(String sql, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery(sql).setParameter("f", Date.valueOf(from)).setParameter("t", Date.valueOf(to))
                .getSingleResult()).longValue();
    }

    private long single(String sql, Quarter q) {
        return ((Number) em.createNativeQuery(sql).setParameter("q", q.toString()).getSingleResult()).longValue();
    }

    private BigDecimal amount(String sql, LocalDate from, LocalDate to) {
        Object v = em.createNativeQuery(sql).setParameter("f", Date.valueOf(from)).setParameter("t", Date.valueOf(to)).getSingleResult();
        return scale(v == null ? BigDecimal.ZERO : (BigDecimal) v);
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static Figure count(String key, long n, String definition) {
        return new Figure(key, n, "count", definition);
    }

    private static Figure euros(String key, BigDecimal amount, String definition) {
        return new Figure(key, amount, "EUR", definition);
    }
}
