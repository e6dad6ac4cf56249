package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.application.ParameterRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REFERENCE.md §2.1 (N−3 revalued, most recent earlier income), §2.5 (starters), §2.7 (declared estimate). */
class ProvisionalContributionTest {
    private static final ParameterTable TABLE = new ParameterRepository().table();

    /** Incomes as "year:amount:source" separated by spaces. */
    private static List<ReferenceIncome> incomes(String spec) {
        List<ReferenceIncome> list = new ArrayList<>();
        if (spec != null) {
            for (String part : spec.trim().split("\\s+")) {
                String[] f = part.split(":");
                list.add(new ReferenceIncome(Integer.parseInt(f[0]), new BigDecimal(f[1]), IncomeSource.valueOf(f[2])));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // rule                                            | quarter | category      | liable from | incomes                                            | expected | base      | source
            "N-3 income revalued by 1.07236269 (2026)          | 2026-Q1 | PRINCIPAL     | 2015-01-01 | 2023:40000.00:TAX_ADMINISTRATION                   | 2198.34  | 42894.51  | TAX_ADMINISTRATION",
            "N-3 unknown: most recent earlier income           | 2026-Q2 | PRINCIPAL     | 2015-01-01 | 2022:30000.00:TAX_ADMINISTRATION 2019:90000.00:TAX_ADMINISTRATION | 1648.76 | 32170.88 | TAX_ADMINISTRATION",
            "a later income (N-2) is not the reference         | 2026-Q2 | PRINCIPAL     | 2015-01-01 | 2024:90000.00:TAX_ADMINISTRATION 2023:30000.00:TAX_ADMINISTRATION | 1648.76 | 32170.88 | TAX_ADMINISTRATION",
            "low income: the principal minimum                 | 2026-Q3 | PRINCIPAL     | 2015-01-01 | 2023:8000.00:TAX_ADMINISTRATION                    | 890.42   | 8578.90   | TAX_ADMINISTRATION",
            "high income: the cap                              | 2026-Q3 | PRINCIPAL     | 2015-01-01 | 2023:150000.00:TAX_ADMINISTRATION                  | 5103.05  | 160854.40 | TAX_ADMINISTRATION",
            "complementary below the threshold after revaluing | 2026-Q1 | COMPLEMENTARY | 2015-01-01 | 2023:1000.00:TAX_ADMINISTRATION                    | 0.00     | 1072.36   | TAX_ADMINISTRATION",
            "declared estimate for N replaces N-3              | 2026-Q4 | PRINCIPAL     | 2015-01-01 | 2023:40000.00:TAX_ADMINISTRATION 2026:60000.00:DECLARED | 3075.00 | 60000.00 | DECLARED",
            "declared estimate never below the minimum         | 2026-Q4 | PRINCIPAL     | 2015-01-01 | 2026:5000.00:DECLARED                              | 890.42   | 5000.00   | DECLARED",
            "starter (first incomplete year + 3 full years)    | 2026-Q1 | PRINCIPAL     | 2025-03-01 | 2023:90000.00:TAX_ADMINISTRATION                   | 890.42   | 17374.05  | STARTER_MINIMUM_BASE",
            "starter on 1 January: three full years            | 2026-Q1 | PRINCIPAL     | 2024-01-01 |                                                    | 890.42   | 17374.05  | STARTER_MINIMUM_BASE",
            "no longer a starter in the fourth full year       | 2027-Q1 | PRINCIPAL     | 2024-01-01 |                                                    | 890.42   | 17374.05  | STARTER_MINIMUM_BASE",
            "starter who declares an income                    | 2026-Q1 | PRINCIPAL     | 2025-03-01 | 2026:50000.00:DECLARED                             | 2562.50  | 50000.00  | DECLARED",
    })
    void provisional(String rule, String quarter, ContributorCategory category, LocalDate liableFrom, String incomes,
                     BigDecimal expected, BigDecimal base, String source) {
        QuarterComputation c = ProvisionalContribution.compute(Quarter.parse(quarter), category, liableFrom, incomes(incomes), TABLE);
        assertEquals(expected, c.legalAmount(), rule);
        assertEquals(base, c.basis().base(), rule);
        assertEquals(source, c.basis().incomeSource(), rule);
        // the rule is kept as a text of its own kind, rendered in the reader's language
        String key = c.basis().rule().key();
        assertEquals(switch (source) {
            case "DECLARED" -> "basis.declared";
            case "TAX_ADMINISTRATION" -> "basis.income";
            default -> key.equals("basis.no-income") ? "basis.no-income" : "basis.starter";
        }, key, rule);
        assertTrue(be.caisse.common.i18n.Messages.render("fr", c.basis().rule()).length() > 20, rule);
    }

    @ParameterizedTest(name = "liable from {1}: {2} quarter(s) of {0}")
    @CsvSource({"2023, 2023-01-01, 4", "2023, 2023-04-01, 3", "2023, 2023-10-01, 1", "2023, 2020-07-01, 4"})
    void activeQuartersForAnnualisation(int year, LocalDate liableFrom, int quarters) {
        assertEquals(quarters, ProvisionalContribution.activeQuartersIn(year, liableFrom));
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource({
            "2025-Q1, coefficient-missing",   // the 2025 coefficient is not in the reference: never guessed
            "2014-Q4, not-liable-yet",
    })
    void refusals(String quarter, String code) {
        RuleViolation e = assertThrows(RuleViolation.class, () -> ProvisionalContribution.compute(Quarter.parse(quarter),
                ContributorCategory.PRINCIPAL, LocalDate.of(2015, 1, 1), incomes("2022:40000.00:TAX_ADMINISTRATION"), TABLE));
        assertEquals(code, e.code());
    }

    /** §2.7: a reduction lowers the base to the estimated income, never below the category's minimum (2026 figures). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "principal on the minimum base: nothing to reduce        | PRINCIPAL     | 17374.05 | false",
            "principal one cent above the minimum                    | PRINCIPAL     | 17374.06 | true",
            "principal on a revalued N-3 income                      | PRINCIPAL     | 42894.51 | true",
            "helping spouse (maxi) above the minimum                 | HELPING_SPOUSE | 20000.00 | true",
            "complementary below the threshold pays nothing          | COMPLEMENTARY | 1072.36  | false",
            "complementary on the threshold: an estimate below it    | COMPLEMENTARY | 1881.83  | true",
            "student below the threshold pays nothing                | STUDENT       | 8504.43  | false",
            "student at the threshold                                | STUDENT       | 8504.44  | true",
    })
    void reducible(String rule, ContributorCategory category, BigDecimal base, boolean reducible) {
        assertEquals(reducible, ProvisionalContribution.reducible(category, base, TABLE.forYear(2026).orElseThrow()), rule);
    }

    @ParameterizedTest(name = "liable from {1}: {0} is a starter year: {2}")
    @CsvSource({"2025, 2025-03-01, true", "2028, 2025-03-01, true", "2029, 2025-03-01, false", "2026, 2024-01-01, true",
            "2027, 2024-01-01, false"})
    void starterYears(int year, LocalDate liableFrom, boolean starter) {
        assertEquals(starter, ProvisionalContribution.isStarterYear(year, liableFrom));
    }
}
