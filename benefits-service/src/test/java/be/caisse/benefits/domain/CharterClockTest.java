package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Charter's deadlines (art. 10, 11: REFERENCE.md §4) and the interest of right on a late benefit (art. 20, §10.6). */
class CharterClockTest {
    /** §10.6, the civil legal rate: 2023 5.25 %, 2024 5.75 %, 2025 4.50 %, 2026 4.50 %. */
    static final LateInterest CIVIL = new LateInterest(Map.of(2023, new BigDecimal("0.0525"), 2024, new BigDecimal("0.0575"),
            2025, new BigDecimal("0.0450"), 2026, new BigDecimal("0.0450")));

    @ParameterizedTest(name = "started {0}, {1} days suspended: decide by {2}")
    @CsvSource({"2026-01-31, 0, 2026-05-31", "2026-01-15, 0, 2026-05-15", "2026-01-15, 20, 2026-06-04", "2025-10-31, 0, 2026-02-28"})
    void aDecisionWithinFourMonthsTheWaitForInformationNotCounted(LocalDate started, long suspended, LocalDate due) {
        assertEquals(due, CharterClock.decisionDue(started, suspended));
    }

    @Test
    void paymentWithinFourMonthsOfTheNotificationAndTheStanding() {
        assertEquals(LocalDate.of(2027, 3, 30), CharterClock.paymentDue(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2027, 2, 28), CharterClock.paymentDue(LocalDate.of(2026, 10, 31)), "the last day of a shorter month");
        assertEquals(20, CharterClock.suspendedDays(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 21)));
        LocalDate due = LocalDate.of(2026, 6, 1);
        assertEquals(CharterClock.Standing.ON_TIME, CharterClock.standing(due, LocalDate.of(2026, 5, 1), 14));
        assertEquals(CharterClock.Standing.AT_RISK, CharterClock.standing(due, LocalDate.of(2026, 5, 20), 14));
        assertEquals(CharterClock.Standing.AT_RISK, CharterClock.standing(due, due, 14));
        assertEquals(CharterClock.Standing.BREACHED, CharterClock.standing(due, due.plusDays(1), 14));
        assertEquals(LocalDate.of(2026, 3, 15), CharterClock.decideWithoutAnswerFrom(LocalDate.of(2026, 2, 15)));
    }

    @ParameterizedTest(name = "{0} due {1}, paid {2}: interest {3}")
    @CsvSource({
            // 1,000.00 a year late in 2025 at 4.50 %: 45.00
            "1000.00, 2024-12-31, 2025-12-31, 45.00",
            // 30 days of 2026: 2,047.18 × 4.5 % × 30/365 = 7.5716…
            "2047.18, 2026-03-01, 2026-03-31, 7.57",
            // over a year end: 10 days of 2024 at 5.75 % and 10 of 2025 at 4.50 %: 1.5753… + 1.2328… = 2.81
            "1000.00, 2024-12-21, 2025-01-10, 2.81",
            // paid on time: nothing
            "1000.00, 2026-03-01, 2026-03-01, 0.00",
            "1000.00, 2026-03-01, 2026-02-01, 0.00",
    })
    void interestOfRightAtTheLegalRateOfEachYear(BigDecimal amount, LocalDate due, LocalDate paid, BigDecimal interest) {
        assertEquals(interest, CIVIL.on(amount, due, paid));
    }

    @Test
    void aYearWithoutARateIsSaidNotGuessed() {
        assertEquals("interest-rate-missing", org.junit.jupiter.api.Assertions.assertThrows(be.caisse.common.domain.RuleViolation.class,
                () -> CIVIL.on(new BigDecimal("100.00"), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 5))).code());
    }

    @Test
    void theRatesAreRowsOfTheAmountTable() {
        LateInterest civil = LateInterest.of(BenefitAmountsTest.AMOUNTS, AmountKind.LEGAL_INTEREST_RATE);
        assertEquals(0, new BigDecimal("0.0575").compareTo(civil.rate(2024)));
        assertEquals(0, new BigDecimal("0.045").compareTo(civil.rate(2026)));
        assertEquals(CIVIL.on(new BigDecimal("2047.18"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                civil.on(new BigDecimal("2047.18"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        LateInterest social = LateInterest.of(BenefitAmountsTest.AMOUNTS, AmountKind.LEGAL_INTEREST_RATE_SOCIAL);
        assertEquals(0, new BigDecimal("0.07").compareTo(social.rate(2023)));
    }

    /** Art. 20: decided in time, interest after the 4 months from the notification; decided late, from the decision deadline. */
    @ParameterizedTest(name = "decision due {0}, notified {1}, benefit due {2}: interest from {3}")
    @CsvSource({
            "2026-12-01, 2026-11-20, 2026-07-31, 2027-03-20",   // decided in time
            "2026-12-01, 2026-12-15, 2026-07-31, 2026-12-01",   // decided late: from the decision deadline
            "2026-12-01, 2026-12-15, 2026-12-31, 2026-12-31",   // ... at the earliest from the benefit's due date
    })
    void interestRunsFromTheRightDate(LocalDate decisionDue, LocalDate notified, LocalDate benefitDue, LocalDate from) {
        assertEquals(from, CharterClock.interestFrom(decisionDue, notified, benefitDue));
    }
}
