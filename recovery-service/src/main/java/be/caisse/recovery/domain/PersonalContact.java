package be.caisse.recovery.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The personal contact the fund promises before its first judicial step (charter: "une prise de contact
 * personnalisée avant le tout premier recouvrement judiciaire"): a phone call, a meeting or a visit that reached the
 * debtor, or — when the debtor cannot be reached — documented attempts, at least {@code attempts} of them spread over
 * at least {@code overDays} days (parameters: no text gives figures).
 */
public final class PersonalContact {
    private PersonalContact() {
    }

    public enum Channel { PHONE, MEETING, VISIT, EMAIL, LETTER }

    public enum Outcome { REACHED, NOT_REACHED }

    public record Contact(Channel channel, Outcome outcome, LocalDate on) {
    }

    public record Rule(int attempts, int overDays) {
        public Rule {
            if (attempts < 1 || overDays < 0) {
                throw new IllegalArgumentException("At least one attempt is needed");
            }
        }
    }

    /** Whether the promise is kept: the debtor reached in person (phone, meeting, visit), or enough attempts documented. */
    public static boolean made(List<Contact> contacts, Rule rule) {
        boolean reached = contacts.stream().anyMatch(c -> c.outcome() == Outcome.REACHED
                && (c.channel() == Channel.PHONE || c.channel() == Channel.MEETING || c.channel() == Channel.VISIT));
        if (reached) {
            return true;
        }
        List<LocalDate> attempts = contacts.stream().filter(c -> c.outcome() == Outcome.NOT_REACHED).map(Contact::on).sorted().toList();
        return attempts.size() >= rule.attempts()
                && !attempts.get(0).plusDays(rule.overDays()).isAfter(attempts.get(attempts.size() - 1));
    }
}
