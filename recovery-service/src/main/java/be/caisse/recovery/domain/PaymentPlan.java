package be.caisse.recovery.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An amicable payment plan (plan d'apurement / afbetalingsplan, REFERENCE.md §5.3): on due debts only, in monthly
 * instalments on top of the current contributions; surcharges keep running; no judicial step while it is kept. An
 * agent grants a plan up to a limit (amount and months: the fund's parameters, no text gives them), a supervisor
 * above it. An instalment unpaid after its due date is missed; unpaid after the grace period, the plan is broken
 * and the path resumes where it stood.
 */
public final class PaymentPlan {
    private PaymentPlan() {
    }

    public record Limits(BigDecimal agentMaxAmount, int agentMaxMonths, int maxMonths, int graceDays) {
        public Limits {
            if (agentMaxMonths < 1 || maxMonths < agentMaxMonths || graceDays < 0 || agentMaxAmount.signum() < 0) {
                throw new IllegalArgumentException("Implausible payment-plan limits");
            }
        }
    }

    public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
    }

    /** Who may grant a plan of {@code amount} over {@code months}: an agent within the limits, otherwise a supervisor. */
    public enum Approver { AGENT, SUPERVISOR }

    public static Approver approver(BigDecimal amount, int months, Limits limits) {
        return amount.compareTo(limits.agentMaxAmount()) <= 0 && months <= limits.agentMaxMonths() ? Approver.AGENT : Approver.SUPERVISOR;
    }

    /** Equal monthly instalments, to the cent; the last one takes what rounding left. */
    public static List<Instalment> instalments(BigDecimal debt, int months, LocalDate firstDue) {
        if (months < 1 || debt.signum() <= 0) {
            throw new IllegalArgumentException("A plan needs a debt and at least one month");
        }
        BigDecimal each = debt.divide(BigDecimal.valueOf(months), 2, RoundingMode.DOWN);
        List<Instalment> out = new ArrayList<>();
        BigDecimal planned = BigDecimal.ZERO;
        for (int i = 1; i <= months; i++) {
            BigDecimal amount = i == months ? debt.subtract(planned) : each;
            out.add(new Instalment(i, firstDue.plusMonths(i - 1), amount.setScale(2)));
            planned = planned.add(amount);
        }
        return List.copyOf(out);
    }

    /** Where a plan stands on {@code today}, from what its instalments received. */
    public enum Standing { KEPT, LATE, BROKEN, COMPLETED }

    public record Paid(Instalment instalment, BigDecimal received) {
    }

    public static Standing standing(List<Paid> instalments, LocalDate today, Limits limits) {
        boolean late = false;
        boolean all = true;
        for (Paid p : instalments) {
            boolean paid = p.received().compareTo(p.instalment().amount()) >= 0;
            all &= paid;
            if (!paid && today.isAfter(p.instalment().dueOn())) {
                if (today.isAfter(p.instalment().dueOn().plusDays(limits.graceDays()))) {
                    return Standing.BROKEN;
                }
                late = true;
            }
        }
        return all ? Standing.COMPLETED : late ? Standing.LATE : Standing.KEPT;
    }
}
