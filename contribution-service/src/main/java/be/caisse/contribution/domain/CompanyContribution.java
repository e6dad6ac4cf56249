package be.caisse.contribution.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Cotisation annuelle des sociétés / vennootschapsbijdrage (REFERENCE.md §2.10, loi du 30 décembre 1992 art. 88–106):
 * <ul>
 * <li>the ordinary amount when the balance-sheet total of the penultimate closed financial year (N−2) is at most the
 * threshold, the increased amount above it; a company without such a balance sheet (a young company) pays the
 * ordinary amount;</li>
 * <li>indivisible: due in full for the year of incorporation;</li>
 * <li>due by 31 December of the year (since 2023); a company incorporated after 30 September by the last day of the
 * third month after its incorporation.</li>
 * </ul>
 */
public final class CompanyContribution {
    private CompanyContribution() {
    }

    public enum Bracket { ORDINARY, INCREASED }

    public record Amount(int year, Bracket bracket, BigDecimal amount, BigDecimal balanceSheetTotal, LocalDate dueDate, Text rule) {
    }

    /** @param balanceSheetTotal the total of the balance sheet of N−2, or null when there is none */
    public static Amount compute(int year, LocalDate incorporationDate, BigDecimal balanceSheetTotal, YearlyParameters p) {
        if (p.company() == null) {
            throw new RuleViolation("company-parameters-missing", year);
        }
        if (incorporationDate.getYear() > year) {
            throw new RuleViolation("company-not-yet", year);
        }
        YearlyParameters.CompanyRates r = p.company();
        boolean increased = balanceSheetTotal != null && balanceSheetTotal.compareTo(r.balanceSheetThreshold()) > 0;
        LocalDate due = incorporationDate.getYear() == year && incorporationDate.getMonthValue() > 9
                ? incorporationDate.plusMonths(3).with(TemporalAdjusters.lastDayOfMonth())
                : LocalDate.of(year, 12, 31);
        Text rule = balanceSheetTotal == null ? Text.of("company.no-balance-sheet", year - 2)
                : Text.of(increased ? "company.increased" : "company.ordinary", year - 2, balanceSheetTotal, r.balanceSheetThreshold());
        return new Amount(year, increased ? Bracket.INCREASED : Bracket.ORDINARY, increased ? r.increased() : r.ordinary(),
                balanceSheetTotal, due, rule);
    }
}
