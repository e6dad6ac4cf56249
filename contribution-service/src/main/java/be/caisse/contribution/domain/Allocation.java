package be.caisse.contribution.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Imputation of a payment (imputation des paiements): the money received pays the oldest open principal first —
 * contributions, fees and regularisations, by due date — and only then the surcharges, oldest first. What is left
 * is an overpayment, to be refunded.
 *
 * <p>Principal before surcharges because a surcharge waiver (remise) can only be asked once the principal of the
 * quarter is paid, and the principal is what stops further surcharges (REFERENCE.md §2.9).
 */
public final class Allocation {
    private Allocation() {
    }

    /** An open debt: what is still owed for a period on one component. */
    public record OpenItem(String period, LedgerComponent component, LocalDate dueDate, BigDecimal outstanding) {
    }

    /** The part of the money that goes to a debt. */
    public record Share(String period, LedgerComponent component, BigDecimal amount) {
    }

    public record Result(List<Share> shares, BigDecimal remainder) {
    }

    static final Comparator<OpenItem> ORDER = Comparator
            .comparing((OpenItem i) -> i.component() == LedgerComponent.PRINCIPAL ? 0 : 1)
            .thenComparing(OpenItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenItem::period);

    public static Result allocate(BigDecimal amount, List<OpenItem> items) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("Only a positive amount is allocated");
        }
        List<Share> shares = new ArrayList<>();
        BigDecimal left = amount;
        for (OpenItem item : items.stream().filter(i -> i.component() != LedgerComponent.CREDIT && i.outstanding().signum() > 0)
                .sorted(ORDER).toList()) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(item.outstanding());
            shares.add(new Share(item.period(), item.component(), part));
            left = left.subtract(part);
        }
        return new Result(List.copyOf(shares), left);
    }
}
