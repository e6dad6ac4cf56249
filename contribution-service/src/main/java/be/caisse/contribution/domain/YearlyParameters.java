package be.caisse.contribution.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The legal figures of one contribution year, loaded from a versioned data file, with the source of each figure
 * and the figures the reference marks as not confirmed.
 *
 * @param t1                     upper limit of the first bracket (20.5 %)
 * @param t2                     upper limit of the second bracket (14.16 %); nothing is due above
 * @param principalMinimumIncome minimum income base of a principal (minimum contribution)
 * @param complementaryThreshold income below which a complementary owes nothing; also the base of the starter's
 *                               provisional contribution of complementaries and students
 * @param studentThreshold       income below which a student-independent owes nothing
 * @param revaluationCoefficient coefficient applied to the income of N-3 for the provisional contributions of N;
 *                               null when the year's coefficient is not loaded (no quarter is then computed on an
 *                               old income: the computation says so instead of guessing)
 */
public record YearlyParameters(int year, BigDecimal t1, BigDecimal t2, BigDecimal rate1, BigDecimal rate2,
                               BigDecimal principalMinimumIncome, BigDecimal complementaryThreshold,
                               BigDecimal studentThreshold, BigDecimal revaluationCoefficient,
                               Map<String, String> sources, Set<String> unconfirmed, CompanyRates company) {

    /**
     * The annual company contribution (REFERENCE.md §2.10): the ordinary amount, the increased amount and the
     * balance-sheet threshold between them. Null when the year's file does not give them.
     */
    public record CompanyRates(BigDecimal ordinary, BigDecimal increased, BigDecimal balanceSheetThreshold) {
    }

    public static YearlyParameters fromProperties(Properties p) {
        Map<String, String> sources = new TreeMap<>();
        Set<String> unconfirmed = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".source")) {
                sources.put(key.substring(0, key.length() - ".source".length()), p.getProperty(key));
            }
            if (key.endsWith(".confirmed") && !Boolean.parseBoolean(p.getProperty(key))) {
                unconfirmed.add(key.substring(0, key.length() - ".confirmed".length()));
            }
        }
        return new YearlyParameters(Integer.parseInt(required(p, "year")), amount(p, "t1"), amount(p, "t2"),
                amount(p, "rate1"), amount(p, "rate2"), amount(p, "principal.minimumIncome"),
                amount(p, "complementary.threshold"), amount(p, "student.threshold"),
                p.getProperty("revaluation.coefficient") == null ? null : amount(p, "revaluation.coefficient"), Map.copyOf(sources),
                Set.copyOf(unconfirmed), p.getProperty("company.ordinary") == null ? null
                        : new CompanyRates(amount(p, "company.ordinary"), amount(p, "company.increased"), amount(p, "company.balanceSheetThreshold")));
    }

    private static BigDecimal amount(Properties p, String key) {
        return new BigDecimal(required(p, key));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Parameter " + key + " is missing");
        }
        return v.trim();
    }
}
