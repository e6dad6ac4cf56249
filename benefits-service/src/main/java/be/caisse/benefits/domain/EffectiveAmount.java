package be.caisse.benefits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One amount valid from a date until the next row of the same kind (benefit amounts move on index dates, not on
 * 1 January: REFERENCE.md §10). {@code status} is the reference's word — confirmed, derived (a confirmed base
 * indexed, to be checked against the official publication) or not found — and {@code source} where it comes from.
 */
public record EffectiveAmount(AmountKind kind, LocalDate validFrom, BigDecimal amount, String status, String source) {
    public EffectiveAmount {
        if (kind == null || validFrom == null || amount == null || status == null) {
            throw new IllegalArgumentException("kind, validFrom, amount and status are required");
        }
        if (amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("an amount is positive, in cents: " + amount);
        }
    }

    public boolean confirmed() {
        return "confirmed".equals(status);
    }
}
