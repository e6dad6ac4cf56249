package be.caisse.recovery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.caisse.common.domain.Prescription;
import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recovery path (REFERENCE.md §5.2, §10.8): its timers, the guards of its judicial steps — the personal contact
 * as a hard rule, the one-month window of art. 46, the contestation that leaves only a summons — and the
 * prescription of each debt item (§5.1: 5 years from 1 January after the year, renewed by each interruption).
 */
class RecoveryPathTest {
    static final RecoveryPath.Timers T = new RecoveryPath.Timers(15, 30, 30, 1, 1);

    @ParameterizedTest(name = "{0} since {1}: {2} on {3}")
    @CsvSource({
            "OPEN,              2026-05-05, REMINDED,               2026-05-20",
            "REMINDED,          2026-05-20, SECOND_REMINDED,        2026-06-19",
            "SECOND_REMINDED,   2026-06-19, LAST_REMINDER,          2026-07-19",
            // art. 46: one month to contest or ask for terms (the whole of 19 August), the judicial step from the next day
            "LAST_REMINDER,     2026-07-19, AWAITING_JUDICIAL_STEP, 2026-08-20",
            // art. 47bis: one month for opposition after service (the window of a month ending on the 31st of a shorter month)
            "CONTRAINTE_SERVED, 2026-01-31, ENFORCEMENT,            2026-03-01",
    })
    void theTimersOfThePath(CaseState state, LocalDate since, CaseState to, LocalDate on) {
        assertEquals(new RecoveryPath.Timer(to, on), RecoveryPath.timer(state, since, T).orElseThrow());
    }

    @ParameterizedTest(name = "{0} in {1}, contact {2}, plan {3}, insolvent {4}: {5}")
    @CsvSource({
            "CONTRAINTE, AWAITING_JUDICIAL_STEP, true,  false, false, ''",
            // the charter's hard rule: never a first judicial step without a recorded personal contact
            "CONTRAINTE, AWAITING_JUDICIAL_STEP, false, false, false, personal-contact-missing",
            "SUMMONS,    AWAITING_JUDICIAL_STEP, false, false, false, personal-contact-missing",
            // a motivated contestation in the window makes a contrainte irregular: the fund must summon
            "CONTRAINTE, CONTESTED,              true,  false, false, contested-summons-only",
            "SUMMONS,    CONTESTED,              true,  false, false, ''",
            "CONTRAINTE, LAST_REMINDER,          true,  false, false, last-reminder-window-open",
            "CONTRAINTE, REMINDED,               false, false, false, personal-contact-missing last-reminder-window-open",
            "CONTRAINTE, AWAITING_JUDICIAL_STEP, true,  true,  false, payment-plan-kept",
            "SUMMONS,    AWAITING_JUDICIAL_STEP, true,  false, true,  insolvency-suspends",
            "CONTRAINTE, CONTRAINTE_SERVED,      true,  false, false, judicial-step-taken",
    })
    void theGuardsOfAJudicialStep(RecoveryPath.Step step, CaseState state, boolean contact, boolean plan, boolean insolvent, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertEquals(want, RecoveryPath.refusals(step, state, contact, plan, insolvent));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "'PHONE REACHED 2026-08-01',                                                    true",
            "'VISIT REACHED 2026-08-01',                                                    true",
            // a letter read is not a personal contact
            "'LETTER REACHED 2026-08-01',                                                   false",
            "'PHONE NOT_REACHED 2026-08-01;PHONE NOT_REACHED 2026-08-04',                   false",
            // three attempts, but within 5 days: not spread over the 10 days asked
            "'PHONE NOT_REACHED 2026-08-01;PHONE NOT_REACHED 2026-08-03;VISIT NOT_REACHED 2026-08-05', false",
            "'PHONE NOT_REACHED 2026-08-01;EMAIL NOT_REACHED 2026-08-06;VISIT NOT_REACHED 2026-08-11', true",
    })
    void thePersonalContactIsMadeOrDocumented(String contacts, boolean made) {
        List<PersonalContact.Contact> list = Arrays.stream(contacts.split(";")).map(c -> c.split(" "))
                .map(p -> new PersonalContact.Contact(PersonalContact.Channel.valueOf(p[0]), PersonalContact.Outcome.valueOf(p[1]),
                        LocalDate.parse(p[2]))).toList();
        assertEquals(made, PersonalContact.made(list, new PersonalContact.Rule(3, 10)));
    }

    @ParameterizedTest(name = "{0} interrupted on {1}: prescribes on {2}")
    @CsvSource({
            "2026-Q1, '',                    2032-01-01",
            // the registered last reminder of July 2028 renews the 5 years from its date
            "2026-Q1, 2028-07-19,            2033-07-19",
            "2026-Q1, 2028-07-19 2030-02-01, 2035-02-01",
            // in date order whatever the order they are recorded in: 2026 renews to 2031, then 2030 (before 2031) to 2035
            "2021-Q1, 2030-02-01 2026-03-01, 2035-02-01",
            // an interruption after the prescription does not revive it
            "2021-Q2, 2027-03-01,            2027-01-01",
    })
    void eachItemPrescribesFiveYearsAfterItsYearOrItsLastInterruption(String quarter, String interruptions, LocalDate expected) {
        List<LocalDate> dates = interruptions.isBlank() ? List.of() : Arrays.stream(interruptions.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expected, DebtPrescription.prescribesOn(Quarter.parse(quarter), dates, new Prescription(5)));
    }

    /** REFERENCE.md §5.1: a supplement after a start or resumption prescribes on 1 January of the 8th year after it. */
    @ParameterizedTest(name = "{0} of a start in {1}, interrupted on {2}: prescribes on {3}")
    @CsvSource({
            // started in 2024: 1 January 2032, later than the quarter's own 1 January 2030
            "2024-Q3, 2024, '',         2032-01-01",
            // the start's last starter year (started 2022-03: starter years 2022–2025): 2030 against 2031, the later wins
            "2025-Q4, 2022, '',         2031-01-01",
            // a registered reminder in 2029 renews by 5 years from its date: 2034-06-01, after 2032
            "2024-Q3, 2024, 2029-06-01, 2034-06-01",
            // an interruption in 2026 renews to 2031, not earlier than the supplement's 2032
            "2024-Q3, 2024, 2026-03-01, 2032-01-01",
            // no start supplement: the contributions' 5 years
            "2024-Q3, ,     '',         2030-01-01",
    })
    void aStartSupplementPrescribesOnTheFirstOfJanuaryOfTheEighthYear(String quarter, Integer startYear, String interruptions, LocalDate expected) {
        List<LocalDate> dates = interruptions.isBlank() ? List.of() : Arrays.stream(interruptions.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expected, DebtPrescription.prescribesOn(Quarter.parse(quarter), startYear, dates, new Prescription(5)));
    }

    @org.junit.jupiter.api.Test
    void theStatesMoveOnlyAlongThePath() {
        assertTrue(CaseState.LAST_REMINDER.canBecome(CaseState.CONTESTED));
        assertFalse(CaseState.CONTESTED.canBecome(CaseState.CONTRAINTE_ISSUED));
        assertFalse(CaseState.OPEN.canBecome(CaseState.CONTRAINTE_ISSUED));
        assertFalse(CaseState.CLOSED.canBecome(CaseState.OPEN));
        for (CaseState s : CaseState.values()) {
            assertEquals(s != CaseState.CLOSED, s.canBecome(CaseState.CLOSED), s + " can be closed (paid, written off)");
        }
    }
}
