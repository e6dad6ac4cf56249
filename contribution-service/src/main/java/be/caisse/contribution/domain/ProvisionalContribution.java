package be.caisse.contribution.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Cotisation provisoire / voorlopige bijdrage of a quarter (REFERENCE.md §2.1–§2.7), in this order:
 * <ol>
 * <li>an estimate the member declared for the year itself replaces the reference income (never below the
 * category minimum, which the formula applies);</li>
 * <li>a starter — the first incomplete calendar year and the three full years after it — pays on the category's
 * minimum base (§2.5);</li>
 * <li>otherwise the income of N−3 (from the tax administration), or if unknown the most recent earlier known
 * income, converted to a yearly basis when the activity did not cover that whole year, and revalued by the
 * coefficient of year N (§2.1);</li>
 * <li>without any reference income, the minimum base.</li>
 * </ol>
 */
public final class ProvisionalContribution {
    static final int STARTER_FULL_YEARS = 3;

    private ProvisionalContribution() {
    }

    public static QuarterComputation compute(Quarter quarter, ContributorCategory category, LocalDate liableFrom,
                                             Collection<ReferenceIncome> incomes, ParameterTable table) {
        if (quarter.lastDay().isBefore(liableFrom)) {
            throw new RuleViolation("not-liable", "No contribution is due for " + quarter + ": liability starts on " + liableFrom + ".");
        }
        YearlyParameters p = table.forYear(quarter.year()).or(() -> table.all().values().stream()
                        .filter(y -> y.year() < quarter.year()).max(Comparator.comparingInt(YearlyParameters::year)))
                .orElseThrow(() -> new RuleViolation("parameters-missing", "No contribution parameters are loaded for " + quarter.year() + "."));
        String parameterNote = p.year() == quarter.year() ? "" : " (parameters of " + quarter.year() + " not loaded yet: " + p.year() + " used)";

        Optional<ReferenceIncome> declared = incomes.stream()
                .filter(i -> i.source() == IncomeSource.DECLARED && i.year() == quarter.year()).findFirst();
        if (declared.isPresent()) {
            BigDecimal amount = declared.get().amount();
            return new QuarterComputation(quarter, category, ContributionFormula.provisionalQuarter(category, amount, p),
                    new QuarterComputation.Basis(amount, quarter.year(), IncomeSource.DECLARED.name(), null, amount, p.year(),
                            "Estimate declared by the member for " + quarter.year() + " (never below the category minimum)" + parameterNote));
        }
        if (isStarterYear(quarter.year(), liableFrom)) {
            return starter(quarter, category, p, "Starter: provisional contribution on the minimum base of the category in the first "
                    + "years of activity" + parameterNote);
        }
        int referenceYear = quarter.year() - 3;
        Optional<ReferenceIncome> reference = incomes.stream()
                .filter(i -> i.source() == IncomeSource.TAX_ADMINISTRATION && i.year() == referenceYear).findFirst()
                .or(() -> incomes.stream().filter(i -> i.source() == IncomeSource.TAX_ADMINISTRATION && i.year() < referenceYear)
                        .max(Comparator.comparingInt(ReferenceIncome::year)));
        if (reference.isEmpty()) {
            return starter(quarter, category, p, "No reference income known: provisional contribution on the minimum base" + parameterNote);
        }
        if (p.revaluationCoefficient() == null) {
            throw new RuleViolation("coefficient-missing", "The revaluation coefficient of " + p.year()
                    + " is not loaded: an admin must set it before quarters can be computed on a reference income.");
        }
        ReferenceIncome income = reference.get();
        int activeQuarters = activeQuartersIn(income.year(), liableFrom);
        BigDecimal annualised = income.amount().multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(activeQuarters), 2, RoundingMode.HALF_UP);
        BigDecimal base = annualised.multiply(p.revaluationCoefficient()).setScale(2, RoundingMode.HALF_UP);
        String rule = "Income of " + income.year() + (income.year() == referenceYear ? " (N-3)" : " (most recent known; N-3 unknown)")
                + (activeQuarters < 4 ? ", converted to a yearly basis (x 4/" + activeQuarters + ")" : "")
                + ", revalued by " + p.revaluationCoefficient().toPlainString() + parameterNote;
        return new QuarterComputation(quarter, category, ContributionFormula.provisionalQuarter(category, base, p),
                new QuarterComputation.Basis(income.amount(), income.year(), income.source().name(), p.revaluationCoefficient(),
                        base, p.year(), rule));
    }

    /** The first incomplete calendar year of activity and the three full years after it (§2.5). */
    static boolean isStarterYear(int year, LocalDate liableFrom) {
        int firstFullYear = liableFrom.getDayOfYear() == 1 ? liableFrom.getYear() : liableFrom.getYear() + 1;
        return year < firstFullYear + STARTER_FULL_YEARS;
    }

    /** Quarters of {@code year} in which the person was liable (4 for a year fully covered). */
    static int activeQuartersIn(int year, LocalDate liableFrom) {
        if (liableFrom.getYear() < year) {
            return 4;
        }
        if (liableFrom.getYear() > year) {
            return 4; // an income from before this affiliation: taken as a whole year
        }
        return 4 - Quarter.of(liableFrom).number() + 1;
    }

    private static QuarterComputation starter(Quarter quarter, ContributorCategory category, YearlyParameters p, String rule) {
        BigDecimal base = ContributionFormula.starterBase(category, p);
        return new QuarterComputation(quarter, category, ContributionFormula.starterQuarter(category, p),
                new QuarterComputation.Basis(null, null, "STARTER_MINIMUM_BASE", null, base, p.year(), rule));
    }
}
