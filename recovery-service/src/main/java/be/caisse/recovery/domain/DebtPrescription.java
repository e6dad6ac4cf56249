package be.caisse.recovery.domain;

import be.caisse.common.domain.Prescription;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.List;

/**
 * When a debt item prescribes (REFERENCE.md §5.1): 5 years from 1 January after the year it is due for, and every
 * interruption (the registered last reminder, a payment plan or acknowledgement, a part payment, a summons, a
 * seizure) makes a new period of the same length run from its date.
 */
public final class DebtPrescription {
    private DebtPrescription() {
    }

    public static LocalDate prescribesOn(Quarter period, List<LocalDate> interruptions, Prescription rule) {
        LocalDate on = rule.prescribedOn(period);
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
