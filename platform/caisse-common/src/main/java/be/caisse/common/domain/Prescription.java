package be.caisse.common.domain;

import be.caisse.common.time.Quarter;
import java.time.LocalDate;

/**
 * Prescription of contributions (REFERENCE.md §5.1): the contributions of a year can be claimed for 5 years from
 * 1 January of the following year; those of 2021 are prescribed on 1 January 2027. The number of years is a
 * parameter ({@code caisse.prescription.years}). A registration or a correction reaching further back bills only
 * what is not prescribed; interruptions of the prescription (a registered letter, a payment plan) belong to
 * recovery and do not move this horizon.
 */
public record Prescription(int years) {
    public Prescription {
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("A prescription of " + years + " years is not plausible");
        }
    }

    /** The first day of the oldest year whose contributions can still be claimed on {@code today}. */
    public LocalDate billableFrom(LocalDate today) {
        return LocalDate.of(today.getYear() - years, 1, 1);
    }

    public boolean isPrescribed(Quarter quarter, LocalDate today) {
        return quarter.lastDay().isBefore(billableFrom(today));
    }

    /** The day the contributions of this quarter become prescribed. */
    public LocalDate prescribedOn(Quarter quarter) {
        return LocalDate.of(quarter.year() + 1 + years, 1, 1);
    }
}
