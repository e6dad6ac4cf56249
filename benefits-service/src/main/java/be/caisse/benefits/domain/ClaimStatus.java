package be.caisse.benefits.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a claim stands. A claim the fund opens itself (a birth, a death, a bankruptcy) starts {@code PROPOSED} and
 * is filed when the member (or an agent for her) confirms it; a claim asked for starts {@code FILED}. An agent may
 * ask for information (the Charter's clock stops) and prepares the decision; a supervisor who did not prepare it
 * approves it ({@code DECIDED}); once everything granted is paid the claim is {@code PAID} (a payment the bank
 * returns makes it {@code DECIDED} again until it is paid), then {@code CLOSED}.
 */
public enum ClaimStatus {
    PROPOSED, FILED, INFORMATION_REQUESTED, PREPARED, DECIDED, PAID, CLOSED, WITHDRAWN, EXPIRED;

    private static final Map<ClaimStatus, Set<ClaimStatus>> NEXT = Map.of(
            PROPOSED, EnumSet.of(FILED, WITHDRAWN, EXPIRED),
            FILED, EnumSet.of(INFORMATION_REQUESTED, PREPARED, WITHDRAWN),
            INFORMATION_REQUESTED, EnumSet.of(FILED, PREPARED, WITHDRAWN),
            PREPARED, EnumSet.of(DECIDED, FILED),
            DECIDED, EnumSet.of(PAID, CLOSED),
            PAID, EnumSet.of(CLOSED, DECIDED),
            CLOSED, EnumSet.noneOf(ClaimStatus.class),
            WITHDRAWN, EnumSet.noneOf(ClaimStatus.class),
            EXPIRED, EnumSet.noneOf(ClaimStatus.class));

    public boolean canBecome(ClaimStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The claim still waits for the fund's decision (the Charter's decision clock runs, unless suspended). */
    public boolean awaitsDecision() {
        return this == FILED || this == INFORMATION_REQUESTED || this == PREPARED;
    }

    public boolean open() {
        return !NEXT.get(this).isEmpty();
    }
}
