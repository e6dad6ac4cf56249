package be.caisse.common.charter;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The few query shapes every service's charter figures need, with positional parameters ?1, ?2, … */
public final class CharterSql {
    private CharterSql() {
    }

    public static long count(EntityManager em, String sql, Object... params) {
        Object r = bind(em.createNativeQuery(sql), params).getSingleResult();
        return r == null ? 0 : ((Number) r).longValue();
    }

    public static BigDecimal sum(EntityManager em, String sql, Object... params) {
        Object r = bind(em.createNativeQuery(sql), params).getSingleResult();
        return r == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(r.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(EntityManager em, String sql, Object... params) {
        return bind(em.createNativeQuery(sql), params).getResultList();
    }

    /**
     * The median and the 90th percentile of the durations in days (one decimal) that {@code sql} selects as one column
     * named {@code days}, with how many there are: {@code [median, p90, count]}; no median when there are none. The
     * percentiles are values that occurred ({@code percentile_disc}), not interpolations.
     */
    public static Durations durations(EntityManager em, String sql, Object... params) {
        Object[] r = (Object[]) bind(em.createNativeQuery("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY days), "
                + "percentile_disc(0.9) WITHIN GROUP (ORDER BY days), count(*) FROM (" + sql + ") d"), params).getSingleResult();
        return new Durations(days(r[0]), days(r[1]), ((Number) r[2]).longValue());
    }

    public record Durations(BigDecimal median, BigDecimal p90, long count) {
    }

    private static BigDecimal days(Object o) {
        return o == null ? null : new BigDecimal(o.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    private static Query bind(Query q, Object... params) {
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }
}
