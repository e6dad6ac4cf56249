package be.caisse.common.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks: how one instance of a service, among several, does a job that must not run twice at
 * once (the outbox relay, a nightly pass). The keys of the whole system are here, so that no two jobs share one.
 */
public final class AdvisoryLocks {
    public static final long OUTBOX_RELAY = 0x0CA155E0L;
    public static final long OVERDUE_CHECK = 0x0CA1_0001L;
    public static final long SURCHARGE_BOOKING = 0x0CA1_0002L;
    public static final long BENEFIT_DEADLINE_WATCH = 0x0CA1_0003L;
    public static final long BENEFIT_PAYMENT_RUN = 0x0CA1_0004L;
    public static final long RECOVERY_DAILY_PASS = 0x0CA1_0005L;
    /** Base of the per-quarter locks of the quarterly call run (+ year × 10 + quarter). */
    public static final long QUARTERLY_RUN = 0x0CA1_0000_0000L;

    private AdvisoryLocks() {
    }

    /** Takes the lock for the current transaction (released at its end); false when another holds it. */
    public static boolean tryForTransaction(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)").setParameter("key", key).getSingleResult());
    }
}
