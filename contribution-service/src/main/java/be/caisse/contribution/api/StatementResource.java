package be.caisse.contribution.api;

import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.contribution.application.Ledger;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.LedgerEntryEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Relevé de compte / rekeninguittreksel: the lines of the member's account between two dates with the running
 * balance, and where each quarter stands (due, paid, outstanding, surcharges).
 */
@Path("/contributions/accounts/{niss}/statement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution accounts")
public class StatementResource {
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    @Inject
    DossierAccess access;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    public record Line(LocalDate date, String period, String kind, String component, String description, BigDecimal debit,
                       BigDecimal credit, BigDecimal balance, LocalDate dueDate) {
    }

    public record Statement(String niss, LocalDate from, LocalDate to, String currency, BigDecimal openingBalance,
                            List<Line> lines, BigDecimal closingBalance, List<Ledger.PeriodBalance> periods,
                            BigDecimal outstanding, BigDecimal surchargesOutstanding, BigDecimal credit, String note) {
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Account statement: debits (contributions, fees, regularisations, surcharges) and credits "
            + "(payments, refunds, reductions, waivers) with the running balance, and the balance per quarter. "
            + "Default: from 1 January of this year to today. A positive balance is owed by the member.")
    public Statement statement(@PathParam("niss") @ValidNiss String niss,
                               @QueryParam("from") @Pattern(regexp = DATE, message = "is a date like 2026-01-01") String from,
                               @QueryParam("to") @Pattern(regexp = DATE, message = "is a date like 2026-12-31") String to) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "account statement");
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : parse(from, "from");
        LocalDate end = to == null ? today : parse(to, "to");
        if (end.isBefore(start)) {
            throw DomainProblem.badRequest("period-invalid", "Invalid period", "'to' (" + end + ") is before 'from' (" + start + ").");
        }
        if (start.plusYears(10).isBefore(end)) {
            throw DomainProblem.badRequest("period-too-long", "Period too long", "A statement covers at most 10 years.");
        }
        if (ContributionAccountEntity.findById(n) == null) {
            throw DomainProblem.notFound("account", "No contribution account is open for this NISS (yet).");
        }
        BigDecimal opening = ((BigDecimal) LedgerEntryEntity.getEntityManager().createQuery(
                        "select coalesce(sum(e.amount), 0) from LedgerEntryEntity e where e.account = :a and e.bookedOn < :from")
                .setParameter("a", n).setParameter("from", start).getSingleResult()).setScale(2);
        List<LedgerEntryEntity> entries = LedgerEntryEntity.list("account = ?1 and bookedOn between ?2 and ?3 order by bookedOn, id", n, start, end);
        List<Line> lines = new ArrayList<>(entries.size());
        BigDecimal balance = opening;
        for (LedgerEntryEntity e : entries) {
            balance = balance.add(e.amount);
            lines.add(new Line(e.bookedOn, e.period, e.kind.name(), e.component.name(), e.description,
                    e.amount.signum() > 0 ? e.amount : null, e.amount.signum() < 0 ? e.amount.negate() : null, balance, e.dueDate));
        }
        List<Ledger.PeriodBalance> periods = new ArrayList<>(ledger.balances(n).values());
        BigDecimal outstanding = periods.stream().map(Ledger.PeriodBalance::outstanding).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal surcharges = periods.stream().map(Ledger.PeriodBalance::surchargesOutstanding).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Statement(n, start, end, "EUR", opening, lines, balance, periods, outstanding, surcharges, ledger.credit(n),
                "Contributions are due when credited to the fund's account by their due date. Payments go to the oldest "
                        + "open contributions first, then to surcharges. An overpayment is refunded.");
    }

    private static LocalDate parse(String date, String name) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainProblem.badRequest("date-invalid", "Invalid date", "'" + name + "' is not a calendar date: " + date + ".");
        }
    }
}
