package be.caisse.affiliation.domain;

import be.caisse.common.domain.RuleViolation;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Change of fund (changement de caisse). REFERENCE.md §1.4: request before 30 June, effective 1 January of the
 * next year, after at least 4 years with the current fund, all contributions paid. That rule comes from an
 * undated newsletter and is NOT confirmed as current, so its figures are parameters.
 */
public record FundChangePolicy(MonthDay requestDeadline, int minimumYears) {

    public static FundChangePolicy asInReference() {
        return new FundChangePolicy(MonthDay.of(6, 30), 4);
    }

    /** The date the transfer takes effect for a request made on {@code requestDate}. */
    public LocalDate effectiveDate(LocalDate requestDate, LocalDate affiliatedSince) {
        int year = MonthDay.from(requestDate).isAfter(requestDeadline) ? requestDate.getYear() + 2 : requestDate.getYear() + 1;
        LocalDate effective = LocalDate.of(year, 1, 1);
        if (affiliatedSince.plusYears(minimumYears).isAfter(effective)) {
            throw new RuleViolation("fund-change-too-early", minimumYears, affiliatedSince).on("requestDate");
        }
        return effective;
    }
}
