package be.caisse.affiliation.domain;

/** Why an activity ends (cessation d'activité). Bankruptcy and forced interruption can open the bridging right. */
public enum CessationReason {
    VOLUNTARY, BANKRUPTCY, FORCED_INTERRUPTION, ECONOMIC_DIFFICULTIES, DEATH, TRANSFER_TO_ANOTHER_FUND,
    /** A helping spouse whose partner's activity ended (confirmed by an agent). */
    HELPED_ACTIVITY_ENDED
}
