package be.caisse.recovery.domain;

import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.List;

/**
 * Joint and several liability (responsabilité solidaire / hoofdelijke aansprakelijkheid, REFERENCE.md §5.4): the
 * company answers for its director's contributions due for the period of the mandate (art. 15 §1 al. 3 AR 38, not
 * limited pro rata: Constitutional Court 41/2014), the helped self-employed for the helper's. A co-debtor answers
 * for the quarters the link covers, even in part; a payment by either lowers the one debt.
 */
public final class JointLiability {
    private JointLiability() {
    }

    /** The periods of a debt (quarters; a year for a company contribution) that a link from {@code from} to {@code until} covers. */
    public static List<String> covered(List<String> periods, LocalDate from, LocalDate until) {
        return periods.stream().filter(p -> {
            Quarter q = p.length() == 4 ? null : Quarter.parse(p);
            LocalDate first = q == null ? LocalDate.of(Integer.parseInt(p), 1, 1) : q.firstDay();
            LocalDate last = q == null ? LocalDate.of(Integer.parseInt(p), 12, 31) : q.lastDay();
            return !first.isAfter(until == null ? LocalDate.MAX : until) && !last.isBefore(from);
        }).toList();
    }
}
