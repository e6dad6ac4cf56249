package be.caisse.benefits.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Undue amounts of a revised decision (Charter art. 17 al. 2, art. 21; REFERENCE.md §4, §10.7): six months of
 * bridging right paid with family charge (€2,129.88, 1 March 2026) when the member had none (€1,704.45): €425.43 a
 * month, €2,552.58 in all.
 */
class UndueTest {
    static final List<Undue.Paid> PAID = new ArrayList<>();
    static final Map<String, BigDecimal> REVISED = new java.util.HashMap<>();

    static {
        for (int m = 1; m <= 6; m++) {
            String period = "2026-0" + m;
            PAID.add(new Undue.Paid(period, new BigDecimal("2129.88"), LocalDate.of(2026, m, 1).plusMonths(1).minusDays(1)));
            REVISED.put(period, new BigDecimal("1704.45"));
        }
    }

    @ParameterizedTest(name = "{0}, member knew {1}: recoverable {2}, waived {3}, interest {4}")
    @CsvSource({
            // the fund's own error, the member could not know: nothing of the past is claimed back (art. 17 al. 2)
            "FUND_ERROR,   false, 0.00,    2552.58, 0.00",
            // the fund's error, but the member knew or should have known: claimed back, no interest (art. 21)
            "FUND_ERROR,   true,  2552.58, 0.00,    0.00",
            // facts the member did not declare: claimed back, no interest
            "MEMBER_FACTS, false, 2552.58, 0.00,    0.00",
            // fraud: claimed back with interest at the legal rate from each payment to the revision (4.50 % in 2026)
            "FRAUD,        false, 2552.58, 0.00,    72.28",
    })
    void theUndueAmountByTheCauseOfTheError(Undue.Fault cause, boolean knew, BigDecimal recoverable, BigDecimal waived, BigDecimal interest) {
        Undue.Result r = Undue.establish(PAID, REVISED, cause, knew, LocalDate.of(2026, 12, 1), CharterClockTest.CIVIL);
        assertEquals(new BigDecimal("2552.58"), r.overpaid());
        assertEquals(recoverable, r.recoverable());
        assertEquals(waived, r.waived());
        assertEquals(interest, r.interest());
        assertEquals(6, r.lines().size());
        assertEquals(new BigDecimal("425.43"), r.lines().get(0).overpaid());
    }

    @Test
    void aPeriodNoLongerDueIsUndueInFullAndAPeriodPaidTwiceOnce() {
        List<Undue.Paid> paid = List.of(new Undue.Paid("2026-07", new BigDecimal("1704.45"), LocalDate.of(2026, 7, 31)),
                new Undue.Paid("2026-08", new BigDecimal("1704.45"), LocalDate.of(2026, 8, 31)),
                new Undue.Paid("2026-08", new BigDecimal("1704.45"), LocalDate.of(2026, 9, 2)));     // paid twice
        Undue.Result r = Undue.establish(paid, Map.of("2026-07", new BigDecimal("1704.45"), "2026-08", new BigDecimal("1704.45")),
                Undue.Fault.MEMBER_FACTS, false, LocalDate.of(2026, 12, 1), CharterClockTest.CIVIL);
        assertEquals(new BigDecimal("1704.45"), r.recoverable(), "the second transfer of August");
        Undue.Result gone = Undue.establish(paid.subList(0, 1), Map.of(), Undue.Fault.MEMBER_FACTS, false, LocalDate.of(2026, 12, 1),
                CharterClockTest.CIVIL);
        assertEquals(new BigDecimal("1704.45"), gone.recoverable(), "a month not due at all");
    }

    @ParameterizedTest(name = "balance {0}, payment {1}: offset {2}")
    @CsvSource({"2552.58, 1704.45, 1704.45", "848.13, 1704.45, 848.13", "0.00, 1704.45, 0.00"})
    void offsetOnLaterPayments(BigDecimal balance, BigDecimal payment, BigDecimal offset) {
        assertEquals(offset, Undue.offset(balance, payment));
    }

    @ParameterizedTest(name = "revised {1} for {0}, paid {2}: still to pay {3}")
    @CsvSource({
            // a month paid with family charge, revised without: nothing more (the difference is undue)
            "2026-03, 1704.45, 2129.88, ",
            // a month paid without family charge, revised with it (1 March 2026 amounts): the difference, €425.43
            "2026-03, 2129.88, 1704.45, 425.43",
            // a month not paid yet: the revised amount in full
            "2026-04, 1704.45, 0,       1704.45",
            // paid exactly what the revision grants: nothing more
            "2026-05, 1704.45, 1704.45, ",
    })
    void aRevisionPaysOnlyWhatItGrantsAboveWhatWasPaid(String period, BigDecimal revised, BigDecimal paid, BigDecimal expected) {
        List<Assessment.Payment> rest = Undue.stillToPay(List.of(new Assessment.Payment(period, LocalDate.of(2026, 6, 30), revised, null)),
                Map.of(period, paid));
        if (expected == null) {
            assertEquals(List.of(), rest);
        } else {
            assertEquals(1, rest.size());
            assertEquals(expected, rest.get(0).amount());
            assertEquals(period, rest.get(0).period());
        }
    }
}
