package be.caisse.common.web;

import be.caisse.common.domain.Issue;
import be.caisse.common.json.JsonShape;
import be.caisse.common.problem.DomainProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Dates in query parameters: {@code yyyy-MM-dd}, a real calendar date, within the API's window; else a 400 naming it. */
public final class Dates {
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    public static LocalDate parse(String text, String field) {
        LocalDate date;
        try {
            if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("format", String.valueOf(text), 0);
            }
            date = LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException e) {
            throw DomainProblem.invalid(List.of(Issue.field(field, "date-invalid")));
        }
        if (date.isBefore(JsonShape.EARLIEST_DATE) || date.isAfter(JsonShape.LATEST_DATE)) {
            throw DomainProblem.invalid(List.of(Issue.field(field, "date-window", JsonShape.EARLIEST_DATE, JsonShape.LATEST_DATE)));
        }
        return date;
    }
}
