package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The amounts of REFERENCE.md §10, loaded from the data file the service uses, each in force from its index date. */
class BenefitAmountsTest {
    static final AmountTable AMOUNTS = AmountTable.parse(new InputStreamReader(Objects.requireNonNull(
            BenefitAmountsTest.class.getResourceAsStream("/parameters/benefit-amounts.csv")), StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0} on {1}: {2} ({3})")
    @CsvSource({
            // §10.2 bridging right, a month
            "BRIDGING_RIGHT_MONTH,        2024-04-30, 1606.15, confirmed",
            "BRIDGING_RIGHT_MONTH,        2024-05-01, 1638.26, confirmed",
            "BRIDGING_RIGHT_MONTH_FAMILY, 2024-05-01, 2047.18, confirmed",
            "BRIDGING_RIGHT_MONTH,        2025-02-01, 1671.03, derived",
            "BRIDGING_RIGHT_MONTH_FAMILY, 2026-02-28, 2088.12, derived",
            "BRIDGING_RIGHT_MONTH_FAMILY, 2026-03-01, 2129.88, derived",
            // §10.3 birth and mourning leave, a day
            "BIRTH_LEAVE_DAY,             2023-06-15, 96.60,   confirmed",
            "BIRTH_LEAVE_DAY,             2023-11-01, 99.51,   confirmed",
            "BIRTH_LEAVE_HALF_DAY,        2023-11-01, 49.76,   confirmed",
            "BIRTH_LEAVE_DAY,             2025-02-01, 103.53,  confirmed",
            "BIRTH_LEAVE_HALF_DAY,        2025-02-01, 51.77,   derived",
            "MOURNING_LEAVE_DAY,          2024-05-01, 101.50,  confirmed",
            "MOURNING_LEAVE_DAY,          2026-03-01, 105.60,  derived",
            // §10.4 carer leave, a month
            "CARER_LEAVE_MONTH_FULL,      2023-01-01, 1454.81, confirmed",
            "CARER_LEAVE_MONTH_PARTIAL,   2024-05-01, 819.13,  derived",
            "CARER_LEAVE_MONTH_FULL,      2026-03-01, 1704.45, derived",
            "CARER_LEAVE_MONTH_PARTIAL,   2026-03-01, 852.23,  derived",
            // §10.5 a service voucher
            "SERVICE_VOUCHER,             2026-12-01, 9.00,    not-found",
    })
    void theRowInForceOnTheDate(AmountKind kind, LocalDate on, BigDecimal amount, String status) {
        EffectiveAmount row = AMOUNTS.inForce(kind, on);
        assertEquals(amount, row.amount());
        assertEquals(status, row.status());
    }

    @Test
    void beforeTheFirstRowThereIsNoAmountAndTheRuleSaysSo() {
        RuleViolation v = assertThrows(RuleViolation.class, () -> AMOUNTS.inForce(AmountKind.BRIDGING_RIGHT_MONTH, LocalDate.of(2022, 1, 1)));
        assertEquals("amount-not-known", v.code());
    }

    @Test
    void everyRowHasASource() {
        AMOUNTS.rows().forEach(r -> org.junit.jupiter.api.Assertions.assertFalse(r.source().isBlank(), r.toString()));
    }

    @Test
    void aMonthUsesTheRowInForceOnItsFirstDay() {
        // the index of 1 March 2026 raises March, not February
        assertEquals(new BigDecimal("1671.03"), BridgingRight.monthly(AMOUNTS, YearMonth.of(2026, 2), false).amount());
        assertEquals(new BigDecimal("1704.45"), BridgingRight.monthly(AMOUNTS, YearMonth.of(2026, 3), false).amount());
    }
}
