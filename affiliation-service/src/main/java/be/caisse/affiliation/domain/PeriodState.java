package be.caisse.affiliation.domain;

import be.caisse.common.time.Quarter;
import java.time.LocalDate;
import java.util.UUID;

/** One affiliation period as the correction rules see it: what it is, from when to when, what opened and closed it. */
public record PeriodState(UUID id, CategoryDetails details, LocalDate start, LocalDate end, AffiliationStatus status,
                          TransitionType openedBy, String endEvent, CessationReason cessationReason) {

    public LocalDate liableFrom() {
        return Quarter.of(start).firstDay();
    }

    public LocalDate liableUntil() {
        return end == null ? null : Quarter.of(end).lastDay();
    }

    PeriodState withStart(LocalDate newStart) {
        return new PeriodState(id, details, newStart, end, status, openedBy, endEvent, cessationReason);
    }

    PeriodState withDetails(CategoryDetails newDetails) {
        return new PeriodState(id, newDetails, start, end, status, openedBy, endEvent, cessationReason);
    }

    PeriodState endingAs(PeriodState other) {
        return new PeriodState(id, details, start, other.end, other.status, openedBy, other.endEvent, other.cessationReason);
    }

    PeriodState reopened() {
        return new PeriodState(id, details, start, null, AffiliationStatus.ACTIVE, openedBy, null, null);
    }

    PeriodState withEnd(LocalDate newEnd) {
        return new PeriodState(id, details, start, newEnd, status, openedBy, endEvent, cessationReason);
    }
}
