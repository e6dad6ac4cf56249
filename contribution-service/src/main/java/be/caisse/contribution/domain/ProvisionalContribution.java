package be.caisse.contribution.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Text;
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
            throw new RuleViolation("not-liable-yet", quarter.toString(), liableFrom);
        }
        YearlyParameters p = table.forYear(quarter.year()).or(() -> table.all().values().stream()
                        .filter(y -> y.year() < quarter.year()).max(Comparator.comparingInt(YearlyParameters::year)))
                .orElseThrow(() -> new RuleViolation("parameters-missing", quarter.year()));
        Object parameterNote = p.year() == quarter.year() ? "" : Text.of("basis.parameters-fallback", quarter.year(), p.year());

        Optional<ReferenceIncome> declared = incomes.stream()
                .filter(i -> i.source() == IncomeSource.DECLARED && i.year() == quarter.year()).findFirst();
        if (declared.isPresent()) {
            BigDecimal amount = declared.get().amount();
            return new QuarterComputation(quarter, category, ContributionFormula.provisionalQuarter(category, amount, p),
                    new QuarterComputation.Basis(amount, quarter.year(), IncomeSource.DECLARED.name(), null, amount, p.year(),
                            Text.of("basis.declared", quarter.year(), parameterNote)));
        }
        if (isStarterYear(quarter.year(), liableFrom)) {
            return starter(quarter, category, p, Text.of("basis.starter", parameterNote));
        }
        int referenceYear = quarter.year() - 3;
        Optional<ReferenceIncome> reference = incomes.stream()
                .filter(i -> i.source() == IncomeSource.TAX_ADMINISTRATION && i.year() == referenceYear).findFirst()
                .or(() -> incomes.stream().filter(i -> i.source() == IncomeSource.TAX_ADMINISTRATION && i.year() < referenceYear)
                        .max(Comparator.comparingInt(ReferenceIncome::year)));
        if (reference.isEmpty()) {
            return starter(quarter, category, p, Text.of("basis.no-income", parameterNote));
        }
        if (p.revaluationCoefficient() == null) {
            throw new RuleViolation("coefficient-missing", p.year());
        }
        ReferenceIncome income = reference.get();
        int activeQuarters = activeQuartersIn(income.year(), liableFrom);
        BigDecimal annualised = income.amount().multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(activeQuarters), 2, RoundingMode.HALF_UP);
        BigDecimal base = annualised.multiply(p.revaluationCoefficient()).setScale(2, RoundingMode.HALF_UP);
        Text rule = Text.of("basis.income", income.year(), Text.of(income.year() == referenceYear ? "basis.n-3" : "basis.latest"),
                activeQuarters < 4 ? Text.of("basis.annualised", activeQuarters) : "", p.revaluationCoefficient(), parameterNote);
        return new QuarterComputation(quarter, category, ContributionFormula.provisionalQuarter(category, base, p),
                new QuarterComputation.Basis(income.amount(), income.year(), income.source().name(), p.revaluationCoefficient(),
                        base, p.year(), rule));
    }

    /**
     * Whether a reduction of provisional contributions (§2.7: since 2022 down to the estimated income, never below
     * the category's minimum) can lower a quarter computed on {@code base}: a base above the minimum base; for a
     * complementary or a student, a base at or above the threshold (an estimate below it brings the contribution to
     * nothing).
     */
    public static boolean reducible(ContributorCategory category, BigDecimal base, YearlyParameters p) {
        if (base == null) {
            return false;
        }
        return switch (category) {
            case PRINCIPAL, HELPING_SPOUSE, AFTER_PENSION_AGE -> base.compareTo(p.principalMinimumIncome()) > 0;
            case COMPLEMENTARY -> base.compareTo(p.complementaryThreshold()) >= 0;
            case STUDENT -> base.compareTo(p.studentThreshold()) >= 0;
        };
    }

    /** The first incomplete calendar year of activity and the three full years after it (§2.5). */
    public static boolean isStarterYear(int year, LocalDate liableFrom) {
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

    private static QuarterComputation starter(Quarter quarter, ContributorCategory category, YearlyParameters p, Text rule) {
        BigDecimal base = ContributionFormula.starterBase(category, p);
        return new QuarterComputation(quarter, category, ContributionFormula.starterQuarter(category, p),
                new QuarterComputation.Basis(null, null, "STARTER_MINIMUM_BASE", null, base, p.year(), rule));
    }
}
