package be.caisse.contribution.application;

import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
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
        QuarterComputation c;
        try {
            c = ProvisionalContribution.compute(quarter, affiliation.category(), affiliation.liableFrom(),
                    ReferenceIncomeEntity.of(affiliation.niss()), parameters.table());
        } catch (RuleViolation e) {
            // e.g. a late registration from a year whose parameters are not loaded: the account is open all the
            // same; the quarter is computed once an admin loads what is missing.
            LOG.warnf("Account of affiliation %s opened without its first quarter: %s", affiliation.affiliationId(), e.getMessage());
            return;
        }
        ContributionQuarterEntity q = new ContributionQuarterEntity();
        q.id = UUID.randomUUID();
        q.niss = affiliation.niss();
        q.quarter = quarter.toString();
        q.dueDate = quarter.lastDay();
        q.legalAmount = c.legalAmount();
        q.feeRate = feeRate;
        q.fee = ContributionFormula.fee(c.legalAmount(), feeRate);
        q.structuredCommunication = nextCommunication(quarter).digits();
        q.basisCategory = affiliation.category().name();
        q.basisIncome = c.basis().base();
        q.basisIncomeSource = c.basis().incomeSource();
        q.basisParameterYear = c.basis().parameterYear();
        q.basisRule = c.basis().rule();
        q.createdAt = now;
        q.persist();

        events.publish(ContributionEvents.TOPIC, ContributionEvents.ACCOUNT_OPENED, account.niss, account.niss,
                new ContributionEvents.AccountOpened(account.niss, account.affiliationId, account.category.name(),
                        account.liableFrom, new ContributionEvents.FirstQuarter(q.quarter, q.dueDate, q.legalAmount,
                        q.fee, q.legalAmount.add(q.fee), StructuredCommunication.parse(q.structuredCommunication).formatted())));
    }

    /** {@code YYQ} + a 7-digit sequence: unique, and an agent can read the quarter from it. */
    private StructuredCommunication nextCommunication(Quarter quarter) {
        long seq = ((Number) em.createNativeQuery("SELECT nextval('payment_reference_seq')").getSingleResult()).longValue();
        long reference = ((quarter.year() % 100) * 10L + quarter.number()) * 10_000_000L + seq;
        return StructuredCommunication.fromReference(reference);
    }
}
