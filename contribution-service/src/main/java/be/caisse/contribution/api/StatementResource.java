package be.caisse.contribution.api;

import be.caisse.common.domain.Issue;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.ValidNiss;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.security.DossierAccess;
import be.caisse.common.security.Roles;
import be.caisse.common.web.Dates;
import be.caisse.common.web.PageView;
import be.caisse.common.web.Paging;
import be.caisse.common.web.RequestLanguage;
import be.caisse.common.web.ValidDate;
import be.caisse.contribution.application.Ledger;
import be.caisse.contribution.persistence.LedgerEntryEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Relevé de compte / rekeninguittreksel: the lines of the member's account between two dates (paged, oldest first)
 * with the running balance, in the reader's language; where each quarter stands is the account's quarters list.
 */
@Path("/contributions/accounts/{niss}/statement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution accounts")
public class StatementResource {
    @Inject
    DossierAccess access;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    RequestLanguage language;

    @Schema(name = "StatementLine")
    public record Line(LocalDate date, String period, String kind, String component,
                       @Schema(description = "What the line is, in the reader's language") String description,
                       BigDecimal debit, BigDecimal credit, BigDecimal balance, LocalDate dueDate) {
    }

    @Schema(name = "Statement")
    public record Statement(String niss, LocalDate from, LocalDate to, String currency, BigDecimal openingBalance,
                            @Schema(description = "This page of the period's lines, with the running balance") PageView<Line> lines,
                            BigDecimal closingBalance, BigDecimal outstanding, BigDecimal surchargesOutstanding, BigDecimal credit,
                            String note) {
    }

    @GET
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Account statement: debits (contributions, fees, regularisations, surcharges) and credits "
            + "(payments, refunds, reductions, waivers) with the running balance (lines paged, oldest first). "
            + "Default: from 1 January of this year to today; at most 10 years. A positive balance is owed by the member.")
    public Statement statement(@PathParam("niss") @ValidNiss String niss,
                               @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "From this day (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("from") @ValidDate String from,
                               @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Up to this day included (yyyy-MM-dd, between 1900-01-01 and 2100-12-31)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "date")) @QueryParam("to") @ValidDate String to,
                               @Valid @BeanParam Paging paging) {
        String n = Niss.parse(niss).value();
        access.checkCanRead(n, "account statement");
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : Dates.parse(from, "from");
        LocalDate end = to == null ? today : Dates.parse(to, "to");
        if (end.isBefore(start)) {
            throw DomainProblem.invalid(List.of(Issue.of("to", "period-invalid", "problem.period-invalid", end, start)));
        }
        if (start.plusYears(10).isBefore(end)) {
            throw DomainProblem.invalid(List.of(Issue.of("to", "period-too-long", "problem.period-too-long")));
        }
        AccountResource.require(n);
        BigDecimal opening = sumBefore(n, start, null);
        PanacheQuery<LedgerEntryEntity> q = LedgerEntryEntity.find("account = ?1 and bookedOn between ?2 and ?3",
                Sort.ascending("bookedOn").and("id"), n, start, end);
        PageView<LedgerEntryEntity> page = paging.list(q, e -> e);
        List<LedgerEntryEntity> entries = page.items();
        // the running balance of the first line of the page counts every line before it
        BigDecimal balance = entries.isEmpty() ? opening : sumBefore(n, start, entries.get(0));
        List<Line> lines = new java.util.ArrayList<>(entries.size());
        for (LedgerEntryEntity e : entries) {
            balance = balance.add(e.amount);
            lines.add(new Line(e.bookedOn, e.period, e.kind.name(), e.component.name(), language.render(Text.decode(e.description)),
                    e.amount.signum() > 0 ? e.amount : null, e.amount.signum() < 0 ? e.amount.negate() : null, balance, e.dueDate));
        }
        PageView<Line> shown = new PageView<>(lines, page.page(), page.size(), page.totalItems(), page.totalPages());
        BigDecimal closing = sumBefore(n, end.plusDays(1), null);
        List<Ledger.PeriodBalance> periods = List.copyOf(ledger.balances(n).values());
        BigDecimal outstanding = periods.stream().map(Ledger.PeriodBalance::outstanding).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal surcharges = periods.stream().map(Ledger.PeriodBalance::surchargesOutstanding).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Statement(n, start, end, "EUR", opening, shown, closing, outstanding, surcharges,
                ledger.credit(n), language.render(Text.of("note.statement")));
    }

    /** The balance of the lines booked before a date, or before a given line of that date's ordering. */
    private static BigDecimal sumBefore(String account, LocalDate date, LedgerEntryEntity line) {
        Object sum = line == null
                ? LedgerEntryEntity.getEntityManager().createQuery(
                        "select coalesce(sum(e.amount), 0) from LedgerEntryEntity e where e.account = :a and e.bookedOn < :d")
                .setParameter("a", account).setParameter("d", date).getSingleResult()
                : LedgerEntryEntity.getEntityManager().createQuery(
                        "select coalesce(sum(e.amount), 0) from LedgerEntryEntity e where e.account = :a and "
                                + "(e.bookedOn < :b or (e.bookedOn = :b and e.id < :id))")
                .setParameter("a", account).setParameter("b", line.bookedOn).setParameter("id", line.id).getSingleResult();
        return ((BigDecimal) sum).setScale(2);
    }

    @Inject
    be.caisse.contribution.application.ContributionDocuments documents;

    @Inject
    be.caisse.documents.DocumentArchive archive;

    @Inject
    be.caisse.documents.DocumentDownloads downloads;

    @GET
    @Produces(be.caisse.documents.DocumentDownloads.PDF)
    @RolesAllowed({Roles.AFFILIATE, Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @jakarta.transaction.Transactional
    @Operation(summary = "The account statement of a period as a PDF/A document in the member's language, every "
            + "line of the period (same period rules as the JSON statement)")
    public jakarta.ws.rs.core.Response statementPdf(@PathParam("niss") @ValidNiss String niss,
                               @QueryParam("from") @ValidDate String from,
                               @QueryParam("to") @ValidDate String to) {
        java.util.List<be.caisse.contribution.application.ContributionDocuments.StatementLine> lines = new java.util.ArrayList<>();
        Statement first = null;
        Statement page;
        int p = 0;
        do {
            page = statement(niss, from, to, new Paging(p++, Paging.MAX_SIZE));
            if (first == null) {
                first = page;
            }
            for (Line l : page.lines().items()) {
                lines.add(new be.caisse.contribution.application.ContributionDocuments.StatementLine(l.date(),
                        l.description(), l.debit(), l.credit(), l.balance()));
            }
        } while (page.lines().page() + 1 < page.lines().totalPages());
        be.caisse.documents.archive.IssuedDocument doc = archive.issue(documents.statement(first.niss(), first.from(),
                first.to(), first.openingBalance(), lines, first.closingBalance(), first.outstanding(),
                first.surchargesOutstanding(), first.credit()));
        return downloads.pdf(doc.id);
    }
}
