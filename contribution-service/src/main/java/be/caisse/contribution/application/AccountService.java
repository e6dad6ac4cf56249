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
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import java.util.List;
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

    @Inject
    Ledger ledger;

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(NewAffiliation affiliation) {
        ContributionAccountEntity existing = ContributionAccountEntity.findById(affiliation.niss());
        if (existing != null) {
            if (LiabilityPeriodEntity.open(affiliation.niss()).isEmpty()
                    && LiabilityPeriodEntity.count("affiliationId", affiliation.affiliationId()) == 0) {
                // a new affiliation after an earlier one ended: the same account, a new period
                startPeriod(existing, affiliation.affiliationId(), affiliation.category(), affiliation.liableFrom());
            } else {
                LOG.infof("Account already open for affiliation %s; nothing to do", affiliation.affiliationId());
            }
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
        startPeriod(account, affiliation.affiliationId(), affiliation.category(), affiliation.liableFrom());

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
        q.basisReferenceIncome = c.basis().income();
        q.basisIncomeYear = c.basis().incomeYear();
        q.basisCoefficient = c.basis().coefficient();
        q.basisIncomeSource = c.basis().incomeSource();
        q.basisParameterYear = c.basis().parameterYear();
        q.basisRule = c.basis().rule();
        q.createdAt = now;
        q.persist();
        ledger.bookNotice(q);

        events.publish(ContributionEvents.TOPIC, ContributionEvents.ACCOUNT_OPENED, account.niss, account.niss,
                new ContributionEvents.AccountOpened(account.niss, account.affiliationId, account.category.name(),
                        account.liableFrom, new ContributionEvents.FirstQuarter(q.quarter, q.dueDate, q.legalAmount,
                        q.fee, q.legalAmount.add(q.fee), StructuredCommunication.parse(q.structuredCommunication).formatted())));
    }

    private void startPeriod(ContributionAccountEntity account, UUID affiliationId, ContributorCategory category, LocalDate from) {
        LiabilityPeriodEntity p = new LiabilityPeriodEntity();
        p.niss = account.niss;
        p.affiliationId = affiliationId;
        p.category = category;
        p.startsOn = from;
        p.persist();
        account.category = category;
    }

    /**
     * A change of category (REFERENCE.md §1.2; affiliation-service decided the effective date): the open period ends
     * the day before, a new one starts with the new category. Notices already issued for quarters from the
     * effective date keep their amount; the regularisation of the year computes them again on the new category.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeCategory(String niss, UUID affiliationId, ContributorCategory to, LocalDate effectiveDate) {
        ContributionAccountEntity account = requireAccount(niss);
        LiabilityPeriodEntity open = LiabilityPeriodEntity.open(niss).orElse(null);
        if (open != null && open.category == to) {
            return;
        }
        if (open != null && !open.startsOn.isBefore(effectiveDate)) {
            open.category = to;
            open.affiliationId = affiliationId;
            account.category = to;
            return;
        }
        if (open != null) {
            open.endsOn = effectiveDate.minusDays(1);
            open.endReason = "CATEGORY_CHANGE";
        }
        startPeriod(account, affiliationId, to, effectiveDate);
    }

    /** A resumption after an interruption: a new period from the date liability starts again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(String niss, UUID affiliationId, ContributorCategory category, LocalDate liableFrom) {
        ContributionAccountEntity account = requireAccount(niss);
        if (LiabilityPeriodEntity.count("affiliationId", affiliationId) > 0) {
            return;
        }
        LiabilityPeriodEntity.open(niss).ifPresent(p -> {
            p.endsOn = liableFrom.minusDays(1);
            p.endReason = "RESUMED";
        });
        startPeriod(account, affiliationId, category, liableFrom);
    }

    /**
     * The end of liability (cessation, interruption, transfer to another fund): liable until the end of the quarter
     * ({@code liableUntil}, decided by affiliation-service). A notice already issued for a later quarter is
     * cancelled with a reduction, and what was paid on it goes back to the member's other debts or is refunded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(String niss, LocalDate liableUntil, String reason) {
        requireAccount(niss);
        LiabilityPeriodEntity open = LiabilityPeriodEntity.open(niss).orElse(null);
        if (open == null) {
            return;
        }
        open.endsOn = liableUntil; // before the start when the activity never began: an empty period
        open.endReason = reason;
        List<ContributionQuarterEntity> later = ContributionQuarterEntity.list(
                "niss = ?1 and cancelledAt is null and dueDate > ?2", niss, open.endsOn);
        LocalDate today = LocalDate.now(clock);
        for (ContributionQuarterEntity q : later) {
            if (!Quarter.parse(q.quarter).firstDay().isAfter(open.endsOn)) {
                continue;
            }
            q.cancelledAt = OffsetDateTime.now(clock);
            BigDecimal total = q.legalAmount.add(q.fee);
            ledger.book(niss, q.quarter, LedgerKind.REDUCTION, LedgerComponent.PRINCIPAL, total.negate(), null, today, null,
                    "CANCEL:" + q.quarter, "Notice " + q.quarter + " cancelled: not liable after " + open.endsOn);
            events.publish(ContributionEvents.TOPIC, ContributionEvents.NOTICE_CANCELLED, niss, niss + "/" + q.quarter,
                    new ContributionEvents.NoticeCancelled(niss, q.quarter, total, reason));
        }
        if (!later.isEmpty()) {
            ledger.receive(niss, BigDecimal.ZERO.setScale(2), today, null, null, "Cancellation");
        }
    }

    private static ContributionAccountEntity requireAccount(String niss) {
        ContributionAccountEntity a = ContributionAccountEntity.findById(niss);
        if (a == null) {
            // the registration comes first on the same partition; without it the event cannot be applied
            throw new IllegalStateException("No contribution account for this NISS: the event cannot be applied");
        }
        return a;
    }

    /** {@code YYQ} + a 7-digit sequence: unique, and an agent can read the quarter from it. */
    private StructuredCommunication nextCommunication(Quarter quarter) {
        long seq = ((Number) em.createNativeQuery("SELECT nextval('payment_reference_seq')").getSingleResult()).longValue();
        long reference = ((quarter.year() % 100) * 10L + quarter.number()) * 10_000_000L + seq;
        return StructuredCommunication.fromReference(reference);
    }
}
