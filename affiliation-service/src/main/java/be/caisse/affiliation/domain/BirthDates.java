package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.Niss;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The birth date the fund keeps (REFERENCE.md §1.5): a National Register number fixes the birth date and its
 * century, so a different date given with it is refused; a BIS number whose date is a placeholder takes the date
 * given. Every age rule (student 18–25, pension age) uses the date checked here.
 */
public final class BirthDates {
    private BirthDates() {
    }

    /**
     * @param given the birth date sent with the request, or null
     * @return the birth date to keep (null when neither the NISS nor the request gives one)
     */
    public static LocalDate checked(Niss niss, LocalDate given, LocalDate today) {
        Optional<LocalDate> carried = niss.birthDate();
        if (carried.isPresent() && given != null && !carried.get().equals(given)) {
            throw new RuleViolation("birth-date-niss", carried.get()).on("birthDate");
        }
        LocalDate date = carried.orElse(given);
        if (date != null && date.isAfter(today)) {
            throw new RuleViolation("birth-date-future", date).on("birthDate");
        }
        return date;
    }

    /** An activity cannot start before the person is born. */
    public static void checkStart(LocalDate birthDate, LocalDate start, String field) {
        if (birthDate != null && start.isBefore(birthDate)) {
            throw new RuleViolation("start-before-birth", start, birthDate).on(field);
        }
    }
}
