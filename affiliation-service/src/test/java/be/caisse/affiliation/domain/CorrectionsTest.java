package be.caisse.affiliation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.caisse.common.domain.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corrections recompute the periods from what really happened, and keep their rules (REFERENCE.md §1.2–§1.3:
 * quarter rules of a change of category, indivisible quarters, no overlap). Each row: a timeline, the transition
 * corrected, the correction, and the timeline expected (or the rule that refuses it).
 *
 * <p>Timelines are written {@code START..END:CATEGORY:STATUS/openedBy} per period, {@code ;} between periods, an
 * empty end for an open period; categories P (principal), C (complementary), S (student).
 */
class CorrectionsTest {
    private static final UUID[] IDS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    @ParameterizedTest(name = "{0} — {1} {2} {3} {4} → {5}")
    @CsvSource(delimiter = '|', value = {
            // a registration recorded in the wrong category: corrected from its start
            "2026-10-05..:C:ACTIVE/R | REGISTRATION | 0 | AMEND_CATEGORY | P | 2026-10-05..:P:ACTIVE/R",
            // its date amended
            "2026-10-05..:P:ACTIVE/R | REGISTRATION | 0 | AMEND_DATE | 2026-07-01 | 2026-07-01..:P:ACTIVE/R",
            // registered by mistake: nothing left
            "2026-10-05..2026-12-31:P:CEASED/R | REGISTRATION | 0 | CANCEL | | ",
            // a change of category continues it: the registration is corrected after it
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | REGISTRATION | 0 | CANCEL | | correct-later-first",
            // the change of category cancelled: the first period runs on as it was
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | CATEGORY_CHANGE | 1 | CANCEL | | 2024-01-15..:C:ACTIVE/R",
            // its event date amended: complementary → principal from the quarter of the event (§1.2)
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | CATEGORY_CHANGE | 1 | AMEND_DATE | 2025-08-20 | 2024-01-15..2025-06-30:C:CLOSED/R; 2025-07-01..:P:ACTIVE/C",
            // its category amended to a lower one: from the next quarter after the event date (2025-05-17)
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | CATEGORY_CHANGE | 1 | AMEND_CATEGORY | S | 2024-01-15..2025-06-30:C:CLOSED/R; 2025-07-01..:S:ACTIVE/C",
            // amended to the category it left: not a change
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | CATEGORY_CHANGE | 1 | AMEND_CATEGORY | C | same-category",
            // a change of category moved before the start of the period it closes
            "2024-01-15..2025-03-31:C:CLOSED/R; 2025-04-01..:P:ACTIVE/C | CATEGORY_CHANGE | 1 | AMEND_DATE | 2023-05-01 | correction-period-inverted",
            // a wrong cessation cancelled: active again
            "2023-02-01..2026-06-30:P:CEASED/R | CESSATION | 0 | CANCEL | | 2023-02-01..:P:ACTIVE/R",
            // its date amended
            "2023-02-01..2026-06-30:P:CEASED/R | CESSATION | 0 | AMEND_DATE | 2026-09-15 | 2023-02-01..2026-09-15:P:CEASED/R",
            "2023-02-01..2026-06-30:P:CEASED/R | CESSATION | 0 | AMEND_DATE | 2022-12-31 | correction-period-inverted",
            "2023-02-01..2026-06-30:P:CEASED/R | CESSATION | 0 | AMEND_CATEGORY | P | correction-not-possible",
            // an interruption followed by a resumption: cancelled only after the resumption
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | INTERRUPTION | 0 | CANCEL | | correct-later-first",
            // its date amended into the quarter of the resumption: refused (§1.3, the quarter is indivisible)
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | INTERRUPTION | 0 | AMEND_DATE | 2025-07-15 | resumption-in-same-quarter",
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | INTERRUPTION | 0 | AMEND_DATE | 2025-03-15 | 2022-03-01..2025-03-15:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U",
            // the resumption cancelled: the interruption stands
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | RESUMPTION | 1 | CANCEL | | 2022-03-01..2025-02-10:P:INTERRUPTED/R",
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | RESUMPTION | 1 | AMEND_DATE | 2025-03-01 | resumption-in-same-quarter",
            "2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-09-01..:P:ACTIVE/U | RESUMPTION | 1 | AMEND_DATE | 2025-04-01 | 2022-03-01..2025-02-10:P:INTERRUPTED/R; 2025-04-01..:P:ACTIVE/U",
    })
    void correct(String timeline, TransitionType type, int index, CorrectionAction action, String value, String expected) {
        List<PeriodState> before = parse(timeline);
        UUID opened = type.opens() ? before.get(index).id() : null;
        UUID closed = type == TransitionType.CATEGORY_CHANGE ? before.get(index - 1).id() : type.opens() ? null : before.get(index).id();
        if (type == TransitionType.RESUMPTION) {
            closed = before.get(index - 1).id();
        }
        LocalDate eventDate = type == TransitionType.CATEGORY_CHANGE ? LocalDate.of(2025, 5, 17) : null;
        LocalDate date = action == CorrectionAction.AMEND_DATE ? LocalDate.parse(value) : null;
        CategoryDetails details = action == CorrectionAction.AMEND_CATEGORY ? details(value) : null;
        Corrections.Target target = new Corrections.Target(type, opened, closed, eventDate);
        Corrections.Change change = new Corrections.Change(action, date, details);
        if (expected != null && !expected.contains("..")) {
            assertEquals(expected, assertThrows(RuleViolation.class, () -> Corrections.apply(before, target, change)).code());
            return;
        }
        assertEquals(expected == null ? "" : expected, format(Corrections.apply(before, target, change)));
    }

    private static List<PeriodState> parse(String timeline) {
        List<PeriodState> periods = new ArrayList<>();
        String[] parts = timeline.split(";");
        for (int i = 0; i < parts.length; i++) {
            String[] f = parts[i].strip().split(":");
            String[] dates = f[0].split("\\.\\.", -1);
            String[] status = f[2].split("/");
            TransitionType openedBy = switch (status[1]) {
                case "C" -> TransitionType.CATEGORY_CHANGE;
                case "U" -> TransitionType.RESUMPTION;
                default -> TransitionType.REGISTRATION;
            };
            AffiliationStatus s = AffiliationStatus.valueOf(status[0]);
            periods.add(new PeriodState(IDS[i], details(f[1]), LocalDate.parse(dates[0]),
                    dates[1].isEmpty() ? null : LocalDate.parse(dates[1]), s, openedBy,
                    s == AffiliationStatus.CEASED ? "CESSATION" : s == AffiliationStatus.INTERRUPTED ? "INTERRUPTION"
                            : s == AffiliationStatus.CLOSED ? "CATEGORY_CHANGE" : null,
                    s == AffiliationStatus.CEASED ? CessationReason.VOLUNTARY : null));
        }
        return periods;
    }

    private static CategoryDetails details(String letter) {
        return CategoryDetails.of(switch (letter) {
            case "C" -> Category.COMPLEMENTARY;
            case "S" -> Category.STUDENT;
            default -> Category.PRINCIPAL;
        });
    }

    private static String format(List<PeriodState> periods) {
        List<String> out = new ArrayList<>();
        for (PeriodState p : periods) {
            String c = switch (p.details().category()) {
                case COMPLEMENTARY -> "C";
                case STUDENT -> "S";
                default -> "P";
            };
            String o = switch (p.openedBy()) {
                case CATEGORY_CHANGE -> "C";
                case RESUMPTION -> "U";
                default -> "R";
            };
            out.add(p.start() + ".." + (p.end() == null ? "" : p.end()) + ":" + c + ":" + p.status() + "/" + o);
        }
        return String.join("; ", out);
    }
}
