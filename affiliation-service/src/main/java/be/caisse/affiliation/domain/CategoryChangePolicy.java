package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;

/**
 * From when a category change takes effect (REFERENCE.md §1.2): complementary → principal on the first day of
 * the quarter of the event (the person becomes liable for more at once); principal → complementary on the first
 * day of the next quarter (the quarter begun stays due as it was). Where the law found says nothing (the other
 * changes), the same principle is applied: a change that raises the obligations takes effect in the quarter of
 * the event, one that lowers them from the next quarter.
 */
public final class CategoryChangePolicy {
    private CategoryChangePolicy() {
    }

    public static LocalDate effectiveDate(Category from, Category to, LocalDate eventDate) {
        if (from == to) {
            throw new RuleViolation("same-category", "@category." + to).on("category.category");
        }
        Quarter quarter = Quarter.of(eventDate);
        return raisesObligations(from, to) ? quarter.firstDay() : quarter.next().firstDay();
    }

    /** Principal (and the categories on the principal minimum) carry more obligations than the others. */
    static boolean raisesObligations(Category from, Category to) {
        return weight(to) > weight(from);
    }

    private static int weight(Category c) {
        return switch (c) {
            case PRINCIPAL, AFTER_PENSION_AGE, HELPING_SPOUSE -> 2;
            case COMPLEMENTARY, STUDENT -> 1;
        };
    }
}
