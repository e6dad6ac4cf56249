package be.caisse.contribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import be.caisse.contribution.application.ParameterRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Annual company contribution (REFERENCE.md §2.10), with the only confirmed figures (2023: €384.44, €960.26 above a
 * balance-sheet total of €825,750.09), which the 2026 file carries, flagged not confirmed.
 */
class CompanyContributionTest {
    private static final YearlyParameters P2026 = new ParameterRepository().table().forYear(2026).orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no balance sheet of N-2 (a young company): ordinary | 2025-03-01 | | ORDINARY | 384.44 | 2026-12-31",
            "balance sheet at the threshold: ordinary | 2010-01-01 | 825750.09 | ORDINARY | 384.44 | 2026-12-31",
            "one cent above the threshold: increased | 2010-01-01 | 825750.10 | INCREASED | 960.26 | 2026-12-31",
            "incorporated in the year, before October: indivisible, due 31 December | 2026-09-30 | | ORDINARY | 384.44 | 2026-12-31",
            "incorporated after 30 September: last day of the third month after | 2026-11-15 | | ORDINARY | 384.44 | 2027-02-28",
            "incorporated 1 October | 2026-10-01 | | ORDINARY | 384.44 | 2027-01-31",
    })
    void companyContribution(String rule, LocalDate incorporated, BigDecimal balanceSheet, CompanyContribution.Bracket bracket,
                             BigDecimal amount, LocalDate due) {
        CompanyContribution.Amount a = CompanyContribution.compute(2026, incorporated, balanceSheet, P2026);
        assertEquals(bracket, a.bracket(), rule);
        assertEquals(amount, a.amount(), rule);
        assertEquals(due, a.dueDate(), rule);
    }

    @Test
    void theCarriedOverFiguresAreFlaggedNotConfirmed() {
        assertEquals(true, P2026.unconfirmed().contains("company.ordinary"));
        assertEquals(true, P2026.unconfirmed().contains("company.balanceSheetThreshold"));
    }

    @Test
    void aCompanyIncorporatedLaterOwesNothingForTheYear() {
        assertThrows(RuleViolation.class, () -> CompanyContribution.compute(2026, LocalDate.of(2027, 1, 5), null, P2026));
    }
}
