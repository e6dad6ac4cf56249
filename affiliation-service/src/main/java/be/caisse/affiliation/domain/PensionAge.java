package be.caisse.affiliation.domain;

import java.time.LocalDate;

/**
 * The legal pension age on a date. REFERENCE.md §1.2 gives 66 in 2025; the steps 65 → 66 on 1 February 2025 and
 * 66 → 67 on 1 February 2030 are those of the 2015 pension law, not in the reference: verify before relying on
 * the 2030 step.
 */
public final class PensionAge {
    private PensionAge() {
    }

    public static int on(LocalDate date) {
        if (date.isBefore(LocalDate.of(2025, 2, 1))) {
            return 65;
        }
        return date.isBefore(LocalDate.of(2030, 2, 1)) ? 66 : 67;
    }
}
