package be.caisse.benefits.domain;

import be.caisse.common.time.Quarter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conditions shared by birth leave, mourning leave and carer leave (REFERENCE.md §3.5, §3.7, §3.8): a principal
 * self-employed person or a helping spouse (maxi status), or a complementary or after-pension-age one who pays at
 * least the principal's minimum; subject to the status in the 2 quarters before the fact's quarter and in that
 * quarter; contributions paid (or dispensed) for the 2 quarters before. What is not met is listed, each with its
 * code, so that a proposal says what is missing and a refusal why.
 */
public final class Eligibility {
    /** The codes {@link #missing} can give (their texts are {@code eligibility.<code>}; a refusal's others {@code refusal.<code>}). */
    public static final java.util.Set<String> CODES = java.util.Set.of("category-not-covered", "not-subject-in-the-quarters",
            "contributions-not-paid");

    private Eligibility() {
    }

    /** The member's situation as the decision saw it. */
    public record Situation(String category, boolean paysAtLeastPrincipalMinimum, Set<Quarter> subjectQuarters,
                            Set<Quarter> paidQuarters) {
    }

    public static List<String> missing(Situation s, Quarter factQuarter) {
        List<String> missing = new ArrayList<>();
        boolean category = switch (s.category() == null ? "" : s.category()) {
            case "PRINCIPAL", "HELPING_SPOUSE" -> true;
            case "COMPLEMENTARY", "AFTER_PENSION_AGE" -> s.paysAtLeastPrincipalMinimum();
            default -> false;
        };
        if (!category) {
            missing.add("category-not-covered");
        }
        Quarter before1 = factQuarter.previous();
        Quarter before2 = before1.previous();
        if (!s.subjectQuarters().containsAll(List.of(before2, before1, factQuarter))) {
            missing.add("not-subject-in-the-quarters");
        }
        if (!s.paidQuarters().containsAll(List.of(before2, before1))) {
            missing.add("contributions-not-paid");
        }
        return missing;
    }
}
