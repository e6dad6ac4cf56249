package be.caisse.recovery.domain;

import be.caisse.common.domain.Prescription;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.List;

/**
 * When a debt item prescribes (REFERENCE.md §5.1): 5 years from 1 January after the year it is due for, and every
 * interruption (the registered last reminder, a payment plan or acknowledgement, a part payment, a summons, a
 * seizure) makes a new period of the same length run from its date; a start supplement prescribes later (8 years).
 */
public final class DebtPrescription {
    /** A start supplement prescribes on 1 January of the 8th year after the start or resumption (REFERENCE.md §5.1). */
    public static final int START_SUPPLEMENT_YEARS = 8;

    private DebtPrescription() {
    }

    public static LocalDate prescribesOn(Quarter period, List<LocalDate> interruptions, Prescription rule) {
        return prescribesOn(period, null, interruptions, rule);
    }

    /**
     * The same for a period holding a regularisation supplement after a start or resumption of activity in
     * {@code startYear}: it prescribes on 1 January of the 8th year after that year, when that is later than the
     * contributions' own date (REFERENCE.md §5.1, §2.5). The fund keeps the later date for the period's whole principal
     * (the supplement and the provisional part are one item, and payments go to the oldest debt first). An
     * interruption renews by the contributions' period ({@code rule}); the sources do not say it renews by 8 years.
     */
    public static LocalDate prescribesOn(Quarter period, Integer startYear, List<LocalDate> interruptions, Prescription rule) {
        LocalDate on = rule.prescribedOn(period);
        if (startYear != null) {
            LocalDate supplement = LocalDate.of(startYear + START_SUPPLEMENT_YEARS, 1, 1);
            on = supplement.isAfter(on) ? supplement : on;
        }
        // in their order: each interruption before the prescription date of the moment renews it
        for (LocalDate i : interruptions.stream().sorted().toList()) {
            if (i.isBefore(on)) { // an interruption after the prescription cannot revive it
                LocalDate renewed = i.plusYears(rule.years());
                on = renewed.isAfter(on) ? renewed : on;
            }
        }
        return on;
    }
}
