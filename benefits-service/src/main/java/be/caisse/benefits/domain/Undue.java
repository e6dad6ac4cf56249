package be.caisse.benefits.domain;

import be.caisse.common.i18n.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An undue amount (indu / onverschuldigd bedrag) established by a revised decision that lowers a right (REFERENCE.md
 * §4, §10.7): per period, what was paid above the revised right. Art. 17 al. 2 of the Charter: a revision correcting
 * the fund's own error has no retroactive effect — what was paid before is not claimed back — unless the member knew
 * or should have known; art. 21: no interest on an undue amount unless there was fraud, deceit or fraudulent
 * manoeuvres. The recoverable balance is offset on the member's later payments, the rest claimed by a payment
 * request. Plain rules: the service stores the result with the revised decision.
 */
public final class Undue {
    private Undue() {
    }

    /** Why the right was lower than paid. */
    public enum Fault { FUND_ERROR, MEMBER_FACTS, FRAUD }

    public record Paid(String period, BigDecimal amount, LocalDate paidOn) {
    }

    public record Line(String period, BigDecimal paid, BigDecimal due, BigDecimal overpaid, boolean recoverable, BigDecimal interest) {
    }

    public record Result(BigDecimal overpaid, BigDecimal recoverable, BigDecimal waived, BigDecimal interest, List<Line> lines,
                         List<Text> motivation) {
        public BigDecimal claimed() {
            return recoverable.add(interest);
        }
    }

    /**
     * @param paid     what was paid, per period (payments executed)
     * @param revised  the revised right per period (a period missing is not due at all)
     */
    public static Result establish(List<Paid> paid, Map<String, BigDecimal> revised, Fault cause, boolean memberKnew,
                                   LocalDate revisedOn, LateInterest rates) {
        Map<String, BigDecimal> paidPerPeriod = new HashMap<>();
        boolean retroactive = cause != Fault.FUND_ERROR || memberKnew;
        List<Line> lines = new ArrayList<>();
        BigDecimal overpaid = BigDecimal.ZERO.setScale(2);
        BigDecimal recoverable = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        for (Paid p : paid) {
            BigDecimal alreadyCounted = paidPerPeriod.getOrDefault(p.period(), BigDecimal.ZERO);
            BigDecimal due = revised.getOrDefault(p.period(), BigDecimal.ZERO).subtract(alreadyCounted).max(BigDecimal.ZERO);
            paidPerPeriod.put(p.period(), alreadyCounted.add(p.amount()));
            BigDecimal over = p.amount().subtract(due).max(BigDecimal.ZERO).setScale(2);
            if (over.signum() == 0) {
                continue;
            }
            BigDecimal lineInterest = cause == Fault.FRAUD ? rates.on(over, p.paidOn(), revisedOn) : BigDecimal.ZERO.setScale(2);
            lines.add(new Line(p.period(), p.amount(), due.setScale(2), over, retroactive, lineInterest));
            overpaid = overpaid.add(over);
            if (retroactive) {
                recoverable = recoverable.add(over);
                interest = interest.add(lineInterest);
            }
        }
        List<Text> why = new ArrayList<>();
        why.add(Text.of("motivation.undue.amount", overpaid, lines.size()));
        if (!retroactive) {
            why.add(Text.of("motivation.undue.fund-error"));
        } else if (cause == Fault.FUND_ERROR) {
            why.add(Text.of("motivation.undue.member-knew"));
        } else {
            why.add(Text.of(cause == Fault.FRAUD ? "motivation.undue.fraud" : "motivation.undue.member-facts", interest));
        }
        return new Result(overpaid, recoverable, overpaid.subtract(recoverable), interest, List.copyOf(lines), List.copyOf(why));
    }

    /**
     * What a revised decision still pays: per period of the revised right, what it grants above what was already paid
     * (a revision that raises a right pays the difference; a period already paid in full pays nothing more). What was
     * scheduled and not yet paid is replaced by this.
     */
    public static List<Assessment.Payment> stillToPay(List<Assessment.Payment> revised, Map<String, BigDecimal> alreadyPaid) {
        List<Assessment.Payment> out = new ArrayList<>();
        for (Assessment.Payment p : revised) {
            BigDecimal rest = p.amount().subtract(alreadyPaid.getOrDefault(p.period(), BigDecimal.ZERO)).setScale(2);
            if (rest.signum() > 0) {
                out.add(new Assessment.Payment(p.period(), p.due(), rest, p.row()));
            }
        }
        return List.copyOf(out);
    }

    /** How much of a later payment goes to the balance owed (offset, compensation): never more than either. */
    public static BigDecimal offset(BigDecimal balance, BigDecimal payment) {
        return balance.signum() <= 0 ? BigDecimal.ZERO.setScale(2) : balance.min(payment).setScale(2);
    }
}
