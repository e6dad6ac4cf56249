package be.caisse.contribution.application;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.YearlyParameters;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens the contributor's account when an affiliation is registered and computes the first quarter to pay: a
 * starter has no reference income, so the provisional contribution is on the category's minimum base.
 */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    ParameterRepository parameters;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    public record NewAffiliation(UUID affiliationId, String niss, ContributorCategory category, LocalDate liableFrom) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(NewAffiliation affiliation) {
        if (ContributionAccountEntity.findById(affiliation.niss()) != null) {
            LOG.infof("Account already open for affiliation %s; nothing to do", affiliation.affiliationId());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ContributionAccountEntity account = new ContributionAccountEntity();
        account.niss = affiliation.niss();
        account.affiliationId = affiliation.affiliationId();
        account.category = affiliation.category();
        account.liableFrom = affiliation.liableFrom();
        account.openedAt = now;
        account.persist();

        Quarter quarter = Quarter.of(affiliation.liableFrom());
        YearlyParameters p = parametersFor(quarter.year());
        BigDecimal legal = ContributionFormula.starterQuarter(affiliation.category(), p);
        ContributionQuarterEntity q = new ContributionQuarterEntity();
        q.id = UUID.randomUUID();
        q.niss = affiliation.niss();
        q.quarter = quarter.toString();
        q.dueDate = quarter.lastDay();
        q.legalAmount = legal;
        q.feeRate = feeRate;
        q.fee = ContributionFormula.fee(legal, feeRate);
        q.structuredCommunication = nextCommunication(quarter).digits();
        q.basisCategory = affiliation.category().name();
        q.basisIncome = ContributionFormula.starterBase(affiliation.category(), p);
        q.basisIncomeSource = "STARTER_MINIMUM_BASE";
        q.basisParameterYear = p.year();
        q.basisRule = "Starter without a reference income: provisional contribution on the minimum base of the category"
                + (p.year() != quarter.year() ? " (parameters of " + quarter.year() + " not loaded yet: " + p.year() + " used)" : "");
        q.createdAt = now;
        q.persist();

        events.publish(ContributionEvents.TOPIC, ContributionEvents.ACCOUNT_OPENED, account.niss, account.niss,
                new ContributionEvents.AccountOpened(account.niss, account.affiliationId, account.category.name(),
                        account.liableFrom, new ContributionEvents.FirstQuarter(q.quarter, q.dueDate, q.legalAmount,
                        q.fee, q.legalAmount.add(q.fee), StructuredCommunication.parse(q.structuredCommunication).formatted())));
    }

    /** The year's parameters, or the most recent earlier year's while the new year's table is not loaded. */
    YearlyParameters parametersFor(int year) {
        return parameters.table().forYear(year).orElseGet(() -> parameters.table().all().values().stream()
                .filter(p -> p.year() < year).max(Comparator.comparingInt(YearlyParameters::year))
                .orElseThrow(() -> new IllegalStateException("No contribution parameters for " + year)));
    }

    /** {@code YYQ} + a 7-digit sequence: unique, and an agent can read the quarter from it. */
    private StructuredCommunication nextCommunication(Quarter quarter) {
        long seq = ((Number) em.createNativeQuery("SELECT nextval('payment_reference_seq')").getSingleResult()).longValue();
        long reference = ((quarter.year() % 100) * 10L + quarter.number()) * 10_000_000L + seq;
        return StructuredCommunication.fromReference(reference);
    }
}
