package be.caisse.recovery.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a recovery case (dossier de recouvrement / invorderingsdossier) stands on the legal path (REFERENCE.md §5.2,
 * §10.8): reminders, the registered last reminder of art. 46 and its one-month window, then a judicial step — the
 * contrainte of art. 47bis (served by a bailiff, one month for opposition) or a summons before the labour court —
 * and the enforcement. A contestation in the window closes the contrainte route: only a summons remains.
 */
public enum CaseState {
    OPEN, REMINDED, SECOND_REMINDED, LAST_REMINDER, AWAITING_JUDICIAL_STEP, CONTESTED, CONTRAINTE_ISSUED, CONTRAINTE_SERVED,
    OPPOSED, SUMMONED, ENFORCEMENT, CLOSED;

    private static final Map<CaseState, Set<CaseState>> NEXT = Map.ofEntries(
            Map.entry(OPEN, EnumSet.of(REMINDED, CLOSED)),
            Map.entry(REMINDED, EnumSet.of(SECOND_REMINDED, CLOSED)),
            Map.entry(SECOND_REMINDED, EnumSet.of(LAST_REMINDER, CLOSED)),
            Map.entry(LAST_REMINDER, EnumSet.of(AWAITING_JUDICIAL_STEP, CONTESTED, CLOSED)),
            Map.entry(AWAITING_JUDICIAL_STEP, EnumSet.of(CONTRAINTE_ISSUED, SUMMONED, CLOSED)),
            Map.entry(CONTESTED, EnumSet.of(SUMMONED, CLOSED)),
            Map.entry(CONTRAINTE_ISSUED, EnumSet.of(CONTRAINTE_SERVED, CLOSED)),
            Map.entry(CONTRAINTE_SERVED, EnumSet.of(OPPOSED, ENFORCEMENT, CLOSED)),
            Map.entry(OPPOSED, EnumSet.of(ENFORCEMENT, CLOSED)),
            Map.entry(SUMMONED, EnumSet.of(ENFORCEMENT, CLOSED)),
            Map.entry(ENFORCEMENT, EnumSet.of(CLOSED)),
            Map.entry(CLOSED, EnumSet.noneOf(CaseState.class)));

    public boolean canBecome(CaseState next) {
        return NEXT.get(this).contains(next);
    }

    /** A judicial step (contrainte, summons) was taken: the surcharges stop, the prescription is interrupted. */
    public boolean judicial() {
        return this == CONTRAINTE_ISSUED || this == CONTRAINTE_SERVED || this == OPPOSED || this == SUMMONED || this == ENFORCEMENT;
    }
}
