package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.contribution.application.ParameterRepository;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formula of REFERENCE.md §2.2–§2.6 against the worked vectors of §8 and the published figures of §2.3. */
class ContributionFormulaTest {
    private static final ParameterTable TABLE = new ParameterRepository().table();

    private static YearlyParameters year(int y) {
        return TABLE.forYear(y).orElseThrow();
    }

    @ParameterizedTest(name = "§8 {0}: income {1} in {2} → {3}/quarter")
    @CsvSource({
            "principal below the minimum base,  PRINCIPAL,   10000.00, 2025, 871.71",
            "principal in the first bracket,    PRINCIPAL,   50000.00, 2025, 2562.50",
            "principal in the second bracket,   PRINCIPAL,   90000.00, 2025, 4350.14",
            "principal at the cap T2,           PRINCIPAL,  108238.40, 2025, 4995.78",
            "principal above the cap,           PRINCIPAL,  250000.00, 2025, 4995.78",
            "student above the threshold,       STUDENT,     11430.73, 2025, 149.97",
            "student below the threshold,       STUDENT,      8000.00, 2025, 0.00",
            "complementary below the threshold, COMPLEMENTARY, 1500.00, 2025, 0.00",
            "complementary on the whole income, COMPLEMENTARY, 20000.00, 2025, 1025.00",
            "principal 2026 minimum (§2.3),     PRINCIPAL,    5000.00, 2026, 890.42",
            "principal 2026 maximum (§2.3),     PRINCIPAL,  200000.00, 2026, 5103.05",
            "principal 2024 minimum (§2.3),     PRINCIPAL,    5000.00, 2024, 864.15",
    })
    void provisionalQuarter(String rule, ContributorCategory category, BigDecimal income, int y, BigDecimal expected) {
        assertEquals(expected, ContributionFormula.provisionalQuarter(category, income, year(y)), rule);
    }

    @ParameterizedTest(name = "starter {0} in {1} → {2}/quarter")
    @CsvSource({
            "PRINCIPAL,         2025, 871.71",
            "PRINCIPAL,         2026, 890.42",
            "AFTER_PENSION_AGE, 2026, 890.42",  // principal minimum by default since 2025-Q4 (§2.6)
            "HELPING_SPOUSE,    2026, 445.21",  // half of a starter's amount in the first year (§1.2)
            "COMPLEMENTARY,     2024, 95.60",   // 1,865.45 × 20.5 % ÷ 4 (§2.6, confirmed 2024)
            "COMPLEMENTARY,     2025, 96.44",   // derived, not confirmed (§9)
            "STUDENT,           2025, 96.44",   // UCM 100.35 incl. 4.05 % fees (§2.6)
    })
    void starterQuarter(ContributorCategory category, int y, BigDecimal expected) {
        assertEquals(expected, ContributionFormula.starterQuarter(category, year(y)));
    }

    @ParameterizedTest(name = "fee {1} on {0} = {2}, total {3}")
    @CsvSource({
            "871.71,  0.0405, 35.30, 907.01",   // UCM 2025 minimum incl. fees (§2.3)
            "871.71,  0.0305, 26.59, 898.30",   // Acerta / Xerius 2025 (§2.3)
            "871.71,  0.0410, 35.74, 907.45",   // Securex 2025 (§2.3)
            "4995.78, 0.0395, 197.33, 5193.11", // 2025 maximum incl. 3.95 % as published (§8)
    })
    void fee(BigDecimal legal, BigDecimal rate, BigDecimal fee, BigDecimal total) {
        assertEquals(fee, ContributionFormula.fee(legal, rate));
        assertEquals(total, legal.add(ContributionFormula.fee(legal, rate)));
    }

    @Test
    void unconfirmedFiguresAreFlagged() {
        assertTrue(year(2025).unconfirmed().contains("complementary.threshold"));
        assertTrue(year(2026).unconfirmed().contains("student.threshold"));
        // 2024: every contribution figure confirmed; only the company contribution carries 2023's (REFERENCE.md §9)
        assertEquals(java.util.Set.of("company.ordinary", "company.increased", "company.balanceSheetThreshold"), year(2024).unconfirmed());
        assertTrue(year(2026).sources().get("t1").startsWith("https://"));
    }
}
