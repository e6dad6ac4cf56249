package be.caisse.recovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Payment plans (REFERENCE.md §5.3): instalments to the cent, who grants them, when a plan is late or broken. */
class PaymentPlanTest {
    static final PaymentPlan.Limits LIMITS = new PaymentPlan.Limits(new BigDecimal("5000.00"), 12, 24, 15);

    @ParameterizedTest(name = "{0} over {1} months: {2} each, last {3}")
    @CsvSource({
            "954.27,  3,  318.09, 318.09",
            "1000.00, 3,  333.33, 333.34",
            "926.48,  12, 77.20,  77.28",
            "0.05,    2,  0.02,   0.03",
    })
    void instalmentsAreEqualToTheCentAndTheLastTakesTheRest(BigDecimal debt, int months, BigDecimal each, BigDecimal last) {
        List<PaymentPlan.Instalment> i = PaymentPlan.instalments(debt, months, LocalDate.of(2026, 8, 31));
        assertEquals(months, i.size());
        assertEquals(each, i.get(0).amount());
        assertEquals(last, i.get(months - 1).amount());
        assertEquals(debt, i.stream().map(PaymentPlan.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(LocalDate.of(2026, 8, 31).plusMonths(months - 1), i.get(months - 1).dueOn());
    }

    @ParameterizedTest(name = "{0} over {1} months: {2}")
    @CsvSource({
            "954.27,  3,  AGENT",
            "5000.00, 12, AGENT",
            "5000.01, 12, SUPERVISOR",
            "954.27,  13, SUPERVISOR",
    })
    void anAgentGrantsWithinTheLimitsASupervisorAbove(BigDecimal amount, int months, PaymentPlan.Approver who) {
        assertEquals(who, PaymentPlan.approver(amount, months, LIMITS));
    }

    @ParameterizedTest(name = "paid {0} on {1}: {2}")
    @CsvSource({
            "'318.09',               2026-09-15, KEPT",
            "'0',                    2026-09-01, LATE",
            "'0',                    2026-09-15, LATE",     // 15 days of grace after 31 August
            "'0',                    2026-09-16, BROKEN",
            "'318.09 318.09 318.09', 2026-12-01, COMPLETED",
            "'318.09 100.00',        2026-10-10, LATE",      // the second instalment partly paid, due 30 September
    })
    void aMissedInstalmentMakesThePlanLateThenBrokenAfterTheGrace(String paid, LocalDate today, PaymentPlan.Standing expected) {
        List<PaymentPlan.Instalment> plan = PaymentPlan.instalments(new BigDecimal("954.27"), 3, LocalDate.of(2026, 8, 31));
        String[] amounts = paid.split(" ");
        List<PaymentPlan.Paid> received = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            received.add(new PaymentPlan.Paid(plan.get(i), i < amounts.length ? new BigDecimal(amounts[i]) : BigDecimal.ZERO));
        }
        assertEquals(expected, PaymentPlan.standing(received, today, LIMITS));
    }
}
