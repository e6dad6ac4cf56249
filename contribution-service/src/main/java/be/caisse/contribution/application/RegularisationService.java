package be.caisse.contribution.application;

import be.caisse.common.i18n.Text;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import be.caisse.contribution.domain.Regularisation;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When the tax administration's income of a year is recorded, the quarters of that year are regularised: the
 * definitive contribution of each is stored with the quarter, the difference booked (a supplement due by the end
 * of the next quarter, or a credit that pays other debts or is refunded) and the regularisation published.
 */
@ApplicationScoped
public class RegularisationService {
    @Inject
    ParameterRepository parameters;

    @Inject
    Ledger ledger;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    @Inject
    ContributionDocuments documents;

    @Inject
    be.caisse.documents.DocumentArchive archive;

    /** What the regularisation did, and a note in words a front end can show (rendered in the reader's language). */
    public record Summary(String outcome, BigDecimal total, LocalDate dueDate, Text note) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Summary regularise(String niss, int year, BigDecimal income) {
        List<ContributionQuarterEntity> notices = ContributionQuarterEntity.list(
                "niss = ?1 and quarter like ?2 and cancelledAt is null order by quarter", niss, year + "-Q%");
        if (notices.isEmpty()) {
            return new Summary("NONE", BigDecimal.ZERO.setScale(2), null, Text.of("note.regularisation.nothing-called", year));
        }
        Optional<YearlyParameters> p = parameters.table().forYear(year);
        if (p.isEmpty()) {
            // the income is kept; the regularisation is done when an admin loads the year's parameters and records it again
            return new Summary("PENDING", BigDecimal.ZERO.setScale(2), null, Text.of("note.regularisation.pending", year));
        }
        LocalDate today = LocalDate.now(clock);
        List<Regularisation.CalledQuarter> called = notices.stream().map(n -> new Regularisation.CalledQuarter(Quarter.parse(n.quarter),
                ContributorCategory.valueOf(n.basisCategory), n.legalAmount, n.fee,
                n.definitiveAmount == null ? BigDecimal.ZERO : n.definitiveAmount.subtract(n.legalAmount),
                n.definitiveFee == null ? BigDecimal.ZERO : n.definitiveFee.subtract(n.fee))).toList();
        int liable = be.caisse.contribution.persistence.LiabilityPeriodEntity.liableQuarters(niss, year).size();
        Regularisation.Result r = Regularisation.compute(year, income, called, liable, p.get(), feeRate, today);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < notices.size(); i++) {
            ContributionQuarterEntity n = notices.get(i);
            Regularisation.Line line = r.lines().get(i);
            book(niss, n.quarter, LedgerKind.REGULARISATION, line.legalDifference(), r.dueDate(), today,
                    Text.of("ledger.regularisation", n.quarter, year, line.definitive()));
            book(niss, n.quarter, LedgerKind.FEE, line.feeDifference(), r.dueDate(), today, Text.of("ledger.regularisation-fee", n.quarter));
            n.definitiveAmount = line.definitive();
            n.definitiveFee = line.definitiveFee();
            n.regularisedAt = now;
        }
        String outcome = r.total().signum() > 0 ? "SUPPLEMENT" : r.total().signum() < 0 ? "REFUND" : "NONE";
        events.publish(ContributionEvents.TOPIC, ContributionEvents.REGULARISATION_COMPUTED, niss, niss + "/" + year,
                new ContributionEvents.RegularisationComputed(niss, year, income, r.yearlyBase(), r.lines().stream()
                        .map(l -> new ContributionEvents.RegularisedQuarter(l.quarter().toString(), l.category().name(), l.called(),
                                l.definitive(), l.definitiveFee(), l.difference())).toList(), r.total(), outcome, r.dueDate()));
        archive.issue(documents.regularisationNotice(niss, year, income, r.yearlyBase(), r.lines().stream()
                .map(l -> new ContributionDocuments.RegularisedLine(l.quarter().toString(), l.called(), l.definitive(),
                        l.difference())).toList(), r.total(), outcome, r.dueDate(), notices.get(0).structuredCommunication));
        if (r.total().signum() != 0) {
            ledger.receive(niss, BigDecimal.ZERO.setScale(2), today, null, null);
        }
        Text note = switch (outcome) {
            case "SUPPLEMENT" -> Text.of("note.regularisation.supplement", r.total(), r.dueDate());
            case "REFUND" -> Text.of("note.regularisation.refund", r.total().negate());
            default -> Text.of("note.regularisation.unchanged", year);
        };
        return new Summary(outcome, r.total(), r.dueDate(), note);
    }

    private void book(String niss, String quarter, LedgerKind kind, BigDecimal amount, LocalDate due, LocalDate today, Text what) {
        // a supplement is a debit with its own due date; a reduction is a credit (no due date)
        ledger.book(niss, quarter, kind, LedgerComponent.PRINCIPAL, amount, amount.signum() > 0 ? due : null, today, null, null, what);
    }
}
