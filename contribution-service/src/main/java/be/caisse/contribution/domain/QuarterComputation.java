package be.caisse.contribution.domain;

import be.caisse.common.time.Quarter;
import java.math.BigDecimal;

/**
 * A quarter's provisional contribution and everything it was computed from, so that the member and an agent can
 * see why the amount is what it is, and it can be reproduced years later.
 */
public record QuarterComputation(Quarter quarter, ContributorCategory category, BigDecimal legalAmount, Basis basis) {

    /**
     * @param income          the income used, as recorded (null for a minimum base)
     * @param incomeYear      its year
     * @param incomeSource    TAX_ADMINISTRATION, DECLARED, or STARTER_MINIMUM_BASE / NO_REFERENCE_INCOME
     * @param coefficient     the revaluation coefficient applied (null when none)
     * @param base            the yearly income the formula was applied to (after annualisation and revaluation)
     * @param parameterYear   the year of the parameters used
     * @param rule            the rule applied, as a text rendered in the reader's language
     */
    public record Basis(BigDecimal income, Integer incomeYear, String incomeSource, BigDecimal coefficient,
                        BigDecimal base, int parameterYear, be.caisse.common.i18n.Text rule) {
    }
}
