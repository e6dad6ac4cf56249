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
    /**
     * Base of the locks on structured communications (+ one of {@link #STRIPES} stripes): a payment
     * that arrives with a communication and the news of what it names (a plan's instalment) are matched one after the
     * other, never both in the dark.
     */
    public static final long PAYMENT_COMMUNICATION = 0x0CA1_0001_0000_0000L;
    /** How many locks a family of keys (communications, accounts) is spread over: bounded, whatever the volume. */
    public static final int STRIPES = 1024;
    /**
     * Base of the locks on contribution accounts (+ a stripe): the surcharge booking of an account and the news of a
     * judicial step that stops its surcharges are done one after the other, so that the stop cancels what was
     * booked after it, or the booking sees the stop.
     */
    public static final long CONTRIBUTION_ACCOUNT = 0x0CA1_0002_0000_0000L;
    /**
     * Base of the locks on a member's partner events (+ a stripe): an event kept until her insurer is known and the
     * news of that insurer are taken one after the other, so that the kept event is sent, never forgotten.
     */
    public static final long PARTNER_MEMBER = 0x0CA1_0003_0000_0000L;

    private AdvisoryLocks() {
    }

    /**
     * Waits for the locks of these communications, for the current transaction, in one order (so that two
     * transactions taking several never deadlock).
     */
    public static void lockCommunications(EntityManager em, java.util.Collection<String> communications) {
        lockStripes(em, PAYMENT_COMMUNICATION, communications);
    }

    /** Waits for the lock of a contribution account (one of 1,024 stripes), for the current transaction. */
    public static void lockAccount(EntityManager em, String account) {
        lockStripes(em, CONTRIBUTION_ACCOUNT, java.util.List.of(account));
    }

    /** Waits for the lock of a member's partner events (one of 1,024 stripes), for the current transaction. */
    public static void lockPartnerMember(EntityManager em, String niss) {
        lockStripes(em, PARTNER_MEMBER, java.util.List.of(niss));
    }

    private static void lockStripes(EntityManager em, long base, java.util.Collection<String> names) {
        Long[] keys = names.stream().filter(java.util.Objects::nonNull)
                .map(c -> base + Math.floorMod(c.hashCode(), STRIPES))
                .distinct().sorted().toArray(Long[]::new);
        if (keys.length == 0) {
            return;
        }
        // unnest keeps the array's order: the locks are taken in ascending order
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
                .setParameter("keys", keys).getSingleResult();
    }

    /** Takes the lock for the current transaction (released at its end); false when another holds it. */
    public static boolean tryForTransaction(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)").setParameter("key", key).getSingleResult());
    }
}
