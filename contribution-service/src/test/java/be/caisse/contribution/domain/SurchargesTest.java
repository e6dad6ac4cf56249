package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REFERENCE.md §2.9: 3 % per quarter end on the unpaid principal, 7 % once on 1 January, stop at the contrainte. */
class SurchargesTest {

    private static List<Surcharges.PrincipalPayment> payments(String spec) {
        List<Surcharges.PrincipalPayment> list = new ArrayList<>();
        if (spec != null) {
            for (String p : spec.trim().split("\\s+")) {
                String[] f = p.split("=");
                list.add(new Surcharges.PrincipalPayment(LocalDate.parse(f[0]), new BigDecimal(f[1])));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                              | quarter | due        | principal | payments                        | as of      | stop       | count | total
            "paid on the due date: nothing                       | 2026-Q1 | 2026-03-31 | 1000.00   | 2026-03-31=1000.00              | 2027-06-30 |            | 0     | 0.00",
            "unpaid for a year: about 19 % (4 x 3 % + 7 %)       | 2026-Q1 | 2026-03-31 | 1000.00   |                                 | 2027-01-01 |            | 5     | 190.00",
            "half paid in May: 3 % on 1000, then 3 % on 500 x 3, 7 % on 500 | 2026-Q1 | 2026-03-31 | 1000.00 | 2026-05-10=500.00 | 2027-01-01 |       | 5     | 110.00",
            "paid one day late: one quarterly surcharge          | 2026-Q1 | 2026-03-31 | 1000.00   | 2026-04-01=1000.00              | 2027-06-30 |            | 1     | 30.00",
            "Q4 unpaid: 3 % on 31 December and 7 % on 1 January  | 2026-Q4 | 2026-12-31 | 890.42    |                                 | 2027-01-01 |            | 2     | 89.04",
            "nothing after the contrainte's last quarter end     | 2026-Q1 | 2026-03-31 | 1000.00   |                                 | 2027-06-30 | 2026-06-30 | 2     | 60.00",
            "starter's extra quarter: due end of Q2, none at end Q1 | 2026-Q1 | 2026-06-30 | 1000.00 | 2026-06-15=1000.00             | 2027-06-30 |            | 0     | 0.00",
            "before the due date nothing is due yet              | 2026-Q4 | 2026-12-31 | 1000.00   |                                 | 2026-11-26 |            | 0     | 0.00",
    })
    void surcharges(String rule, String quarter, LocalDate due, BigDecimal principal, String paid, LocalDate asOf,
                    LocalDate stop, int count, BigDecimal total) {
        List<Surcharges.Surcharge> s = Surcharges.due(Quarter.parse(quarter), due, principal, payments(paid), asOf, stop);
        assertEquals(count, s.size(), rule + ": " + s);
        assertEquals(total, Surcharges.total(s), rule + ": " + s);
        s.forEach(x -> assertEquals(principal.compareTo(x.base()) >= 0, true, "never a surcharge on surcharges"));
    }
}
