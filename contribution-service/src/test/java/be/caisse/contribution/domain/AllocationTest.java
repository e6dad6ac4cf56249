package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Imputation of payments: oldest open principal first (by due date), then surcharges, the rest is left over. */
class AllocationTest {

    /** items: period:component:due:outstanding; expected shares: period:component:amount */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two 2025 minimum quarters (907.01) open, 1000 paid: the older is paid in full | 1000.00 | 2025-Q1:PRINCIPAL:2025-03-31:907.01,2025-Q2:PRINCIPAL:2025-06-30:907.01 | 2025-Q1:PRINCIPAL:907.01,2025-Q2:PRINCIPAL:92.99 | 0.00",
            "the payment names Q2 but Q1 is older: Q1 first | 907.01 | 2025-Q2:PRINCIPAL:2025-06-30:907.01,2025-Q1:PRINCIPAL:2025-03-31:907.01 | 2025-Q1:PRINCIPAL:907.01 | 0.00",
            "principal before surcharges, even older surcharges | 907.01 | 2025-Q1:SURCHARGE:2025-06-30:27.21,2025-Q2:PRINCIPAL:2025-06-30:907.01 | 2025-Q2:PRINCIPAL:907.01 | 0.00",
            "then the surcharges, oldest first | 950.00 | 2025-Q2:SURCHARGE:2025-09-30:10.00,2025-Q1:SURCHARGE:2025-06-30:27.21,2025-Q2:PRINCIPAL:2025-06-30:907.01 | 2025-Q2:PRINCIPAL:907.01,2025-Q1:SURCHARGE:27.21,2025-Q2:SURCHARGE:10.00 | 5.78",
            "a regularisation due later waits behind the next quarter | 907.01 | 2024-Q1:PRINCIPAL:2026-03-31:1759.27,2025-Q4:PRINCIPAL:2025-12-31:907.01 | 2025-Q4:PRINCIPAL:907.01 | 0.00",
            "an overpayment is left over (refunded) | 1000.00 | 2025-Q1:PRINCIPAL:2025-03-31:907.01 | 2025-Q1:PRINCIPAL:907.01 | 92.99",
            "nothing open: everything is left over | 50.00 | 2025-Q1:PRINCIPAL:2025-03-31:0.00 | - | 50.00",
            "a period paid too much is not a debt | 100.00 | 2025-Q1:PRINCIPAL:2025-03-31:-20.00,2025-Q2:PRINCIPAL:2025-06-30:50.00 | 2025-Q2:PRINCIPAL:50.00 | 50.00",
    })
    void allocation(String rule, BigDecimal amount, String items, String expected, BigDecimal remainder) {
        List<Allocation.OpenItem> open = new ArrayList<>();
        for (String i : items.split(",")) {
            String[] f = i.split(":");
            open.add(new Allocation.OpenItem(f[0], LedgerComponent.valueOf(f[1]), LocalDate.parse(f[2]), new BigDecimal(f[3])));
        }
        Allocation.Result r = Allocation.allocate(amount, open);
        String shares = r.shares().stream().map(s -> s.period() + ":" + s.component() + ":" + s.amount().toPlainString())
                .collect(Collectors.joining(","));
        assertEquals("-".equals(expected) ? "" : expected, shares, rule);
        assertEquals(remainder, r.remainder(), rule);
        BigDecimal allocated = r.shares().stream().map(Allocation.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, amount.compareTo(allocated.add(r.remainder())), "nothing is lost: " + rule);
    }

    @Test
    void aNegativeAmountIsNotAllocated() {
        assertThrows(IllegalArgumentException.class, () -> Allocation.allocate(new BigDecimal("-1.00"), Arrays.asList()));
    }
}
