package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.ParameterRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regularisation on the tax income of the year (REFERENCE.md §2.1, §2.8), 2025 parameters, fees 4.05 %:
 * definitive quarter by the §8 vectors (income €50,000 → €2,562.50; ≤ minimum base → €871.71, with fees €907.01).
 * The supplement is due by the last day of the quarter after the computation.
 */
class RegularisationTest {
    private static final ParameterTable TABLE = new ParameterRepository().table();
    private static final BigDecimal FEE = new BigDecimal("0.0405");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // rule | category | called legal per quarter | quarters | income | definitive | legal diff | fee diff | total | due
            "starter on the minimum, income 50,000: supplement of 4 x 1,759.27 | PRINCIPAL | 871.71 | 4 | 50000.00 | 2562.50 | 1690.79 | 68.48 | 7037.08 | 2027-03-31",
            "income under the minimum base: the minimum was right, nothing changes | PRINCIPAL | 871.71 | 4 | 10000.00 | 871.71 | 0.00 | 0.00 | 0.00 | ",
            "provisional on 50,000, real income 10,000: refund down to the minimum | PRINCIPAL | 2562.50 | 4 | 10000.00 | 871.71 | -1690.79 | -68.48 | -7037.08 | ",
            "liable two quarters: 25,000 in half a year is 50,000 a year | PRINCIPAL | 871.71 | 2 | 25000.00 | 2562.50 | 1690.79 | 68.48 | 3518.54 | 2027-03-31",
            "above the cap (108,238.40): the maximum 4,995.78 | PRINCIPAL | 871.71 | 4 | 150000.00 | 4995.78 | 4124.07 | 167.03 | 17164.40 | 2027-03-31",
            "student above the threshold: 149.97 (§8) | STUDENT | 0.00 | 4 | 11430.73 | 149.97 | 149.97 | 6.07 | 624.16 | 2027-03-31",
    })
    void regularisation(String rule, ContributorCategory category, BigDecimal called, int quarters, BigDecimal income,
                        BigDecimal definitive, BigDecimal legalDiff, BigDecimal feeDiff, BigDecimal total, LocalDate due) {
        List<Regularisation.CalledQuarter> q = new ArrayList<>();
        for (int i = 1; i <= quarters; i++) {
            q.add(new Regularisation.CalledQuarter(new Quarter(2025, 5 - i), category, called,
                    ContributionFormula.fee(called, FEE), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        Regularisation.Result r = Regularisation.compute(2025, income, q, TABLE.forYear(2025).orElseThrow(), FEE, LocalDate.of(2026, 11, 26));
        for (Regularisation.Line line : r.lines()) {
            assertEquals(definitive, line.definitive(), rule);
            assertEquals(legalDiff, line.legalDifference(), rule);
            assertEquals(feeDiff, line.feeDifference(), rule);
        }
        assertEquals(total, r.total(), rule);
        assertEquals(due, r.dueDate(), rule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the same income again changes nothing | 50000.00 | 0.00",
            "a corrected income regularises only the difference (60,000: 3,075.00 a quarter, 533.26 more with fees) | 60000.00 | 2133.04",
    })
    void aSecondRegularisationOnlyAddsTheDifference(String rule, BigDecimal income, BigDecimal total) {
        // after the first regularisation on 50,000: called 871.71 + 1,690.79 and fees 35.30 + 68.48
        List<Regularisation.CalledQuarter> q = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            q.add(new Regularisation.CalledQuarter(new Quarter(2025, i), ContributorCategory.PRINCIPAL, new BigDecimal("871.71"),
                    new BigDecimal("35.30"), new BigDecimal("1690.79"), new BigDecimal("68.48")));
        }
        Regularisation.Result r = Regularisation.compute(2025, income, q, TABLE.forYear(2025).orElseThrow(), FEE, LocalDate.of(2026, 11, 26));
        assertEquals(total, r.total(), rule);
    }
}
