package be.caisse.contribution.application;

import be.caisse.common.domain.Prescription;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributionFormula;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.LedgerComponent;
import be.caisse.contribution.domain.LedgerKind;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.domain.QuarterComputation;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import be.caisse.contribution.persistence.ReferenceIncomeEntity;
import be.caisse.contribution.persistence.RefundEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The contributor's account and what it must bill. The periods of liability come from the affiliation events
 * (registered, category changed, interrupted, resumed, ceased, transferred, corrected); after each change the account
 * is reconciled with them ({@link #reconcile}): every liable quarter up to the current one that is not prescribed has
 * its notice, in the category of its period, with its legal due date (a late registration or a back-dated change is
 * billed at once, and the surcharge engine does what it says); a notice for a quarter no longer liable is cancelled
 * with a reduction; a notice cancelled by mistake is issued again; and the money on the account is allocated again.
 * The same state is reached whatever the order or the number of times the events arrive.
 */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    CareerQuarters careers;

    @Inject
    ParameterRepository parameters;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    SurchargeService surcharges;

    @ConfigProperty(name = "caisse.contribution.fee-rate")
    BigDecimal feeRate;

    @ConfigProperty(name = "caisse.prescription.years", defaultValue = "5")
    int prescriptionYears;

    public record NewAffiliation(UUID affiliationId, String niss, ContributorCategory category, LocalDate liableFrom,
                                 boolean lateRegistration) {
    }

    /** A period of the timeline a correction leaves, as the affiliation event gives it. */
    public record Period(UUID affiliationId, ContributorCategory category, LocalDate liableFrom, LocalDate liableUntil,
                         String status, String cessationReason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void open(NewAffiliation affiliation) {
        ContributionAccountEntity existing = ContributionAccountEntity.findById(affiliation.niss());
        if (existing != null) {
            if (LiabilityPeriodEntity.open(affiliation.niss()).isEmpty()
                    && LiabilityPeriodEntity.count("affiliationId", affiliation.affiliationId()) == 0) {
                // a new affiliation after an earlier one ended: the same account, a new period
                startPeriod(existing, affiliation.affiliationId(), affiliation.category(), affiliation.liableFrom());
                existing.lateRegistration = affiliation.lateRegistration();
                reconcile(affiliation.niss());
            } else {
                LOG.infof("Account already open for affiliation %s; nothing to do", affiliation.affiliationId());
            }
            return;
        }
        ContributionAccountEntity account = new ContributionAccountEntity();
        account.niss = affiliation.niss();
        account.affiliationId = affiliation.affiliationId();
        account.category = affiliation.category();
        account.liableFrom = affiliation.liableFrom();
        account.lateRegistration = affiliation.lateRegistration();
        account.openedAt = OffsetDateTime.now(clock);
        account.persist();
        startPeriod(account, affiliation.affiliationId(), affiliation.category(), affiliation.liableFrom());
        reconcile(account.niss);
        ContributionQuarterEntity first = ContributionQuarterEntity.find("niss = ?1 and cancelledAt is null order by quarter", account.niss)
                .firstResult();
        events.publish(ContributionEvents.TOPIC, ContributionEvents.ACCOUNT_OPENED, account.niss, account.niss,
                new ContributionEvents.AccountOpened(account.niss, account.affiliationId, account.category.name(),
                        account.liableFrom, first == null ? null : new ContributionEvents.FirstQuarter(first.quarter, first.dueDate,
                        first.legalAmount, first.fee, first.legalAmount.add(first.fee),
                        StructuredCommunication.parse(first.structuredCommunication).formatted())));
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
     * the day before, a new one starts with the new category; the quarters billed from that date are billed again
     * in the new category (a back-dated change is billed at once).
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
        } else {
            if (open != null) {
                open.endsOn = effectiveDate.minusDays(1);
                open.endReason = "CATEGORY_CHANGE";
            }
            startPeriod(account, affiliationId, to, effectiveDate);
        }
        reconcile(niss);
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
        reconcile(niss);
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
        reconcile(niss);
    }

    /**
     * A correction of the affiliation: its timeline replaces the periods kept here, and the account is reconciled
     * with it (notices cancelled, issued again or issued; payments allocated again; refunds not yet paid revoked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceTimeline(String niss, List<Period> timeline) {
        ContributionAccountEntity account = requireAccount(niss);
        LiabilityPeriodEntity.delete("niss", niss);
        em.flush();
        for (Period p : timeline.stream().sorted(Comparator.comparing(Period::liableFrom)).toList()) {
            LiabilityPeriodEntity e = new LiabilityPeriodEntity();
            e.niss = niss;
            e.affiliationId = p.affiliationId();
            e.category = p.category();
            e.startsOn = p.liableFrom();
            e.endsOn = p.liableUntil();
            e.endReason = p.liableUntil() == null ? null : "CORRECTED:" + p.status();
            e.persist();
            account.category = p.category();
        }
        if (!timeline.isEmpty()) {
            account.liableFrom = timeline.stream().map(Period::liableFrom).min(LocalDate::compareTo).orElse(account.liableFrom);
        }
        reconcile(niss);
    }

    /**
     * A quarter exempted by a decision of benefits-service (a carer leave of three full months, the maternity
     * relief): recorded once, and the account brought in line (its notice cancelled with a reduction, what was paid
     * on it allocated elsewhere or refunded).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exempt(String niss, Quarter quarter, String reason, String source) {
        requireAccount(niss);
        int inserted = em.createNativeQuery("INSERT INTO exempted_quarter (niss, quarter, reason, source, recorded_at) "
                        + "VALUES (:n, :q, :r, :s, :at) ON CONFLICT DO NOTHING")
                .setParameter("n", niss).setParameter("q", quarter.toString()).setParameter("r", reason).setParameter("s", source)
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        if (inserted == 1) {
            reconcile(niss);
        }
    }

    /**
     * An exemption withdrawn by the decision that granted it (a revised benefit decision): the quarter is billed again
     * by the reconciliation, with its payment reference.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void liftExemption(String niss, Quarter quarter, String source) {
        requireAccount(niss);
        int deleted = em.createNativeQuery("DELETE FROM exempted_quarter WHERE niss = :n AND quarter = :q AND source = :s")
                .setParameter("n", niss).setParameter("q", quarter.toString()).setParameter("s", source).executeUpdate();
        if (deleted == 1) {
            reconcile(niss);
        }
    }

    public Prescription prescription() {
        return new Prescription(prescriptionYears);
    }

    /**
     * Once the figures of a year are loaded (or corrected), the quarters of that year that could not be computed are
     * billed: every account liable in the year without a notice for one of its quarters is reconciled, each in its own
     * transaction.
     */
    public int billWhatBecameComputable(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        @SuppressWarnings("unchecked")
        List<String> candidates = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT DISTINCT p.niss FROM liability_period p WHERE p.starts_on <= :to AND (p.ends_on IS NULL OR p.ends_on >= :from) "
                                + "AND (SELECT count(*) FROM contribution_quarter q WHERE q.niss = p.niss AND q.quarter LIKE :year "
                                + "AND q.cancelled_at IS NULL) < 4")
                .setParameter("to", to).setParameter("from", from).setParameter("year", year + "-Q%").getResultList());
        int billed = 0;
        for (String niss : candidates) {
            billed += io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> reconcile(niss));
        }
        return billed;
    }

    /** What the account should bill for a quarter, and what it does. */
    public enum QuarterState { BILLED, CANCELLED, PRESCRIBED, NOT_COMPUTABLE, NOT_LIABLE, NOT_YET_CALLED }

    /**
     * Brings the account in line with its periods of liability (see the class comment). Returns how many notices
     * were issued, issued again or cancelled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int reconcile(String niss) {
        ContributionAccountEntity account = requireAccount(niss);
        List<LiabilityPeriodEntity> periods = LiabilityPeriodEntity.of(niss);
        Map<String, ContributionQuarterEntity> notices = ContributionQuarterEntity.ofAccount(niss).stream()
                .collect(Collectors.toMap(q -> q.quarter, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        Prescription prescription = prescription();
        int changed = 0;
        boolean newDebt = false;
        @SuppressWarnings("unchecked")
        java.util.Set<String> exempted = new java.util.HashSet<>(em.createNativeQuery("SELECT quarter FROM exempted_quarter WHERE niss = :n")
                .setParameter("n", niss).getResultList());
        for (ContributionQuarterEntity n : notices.values()) {
            Quarter q = Quarter.parse(n.quarter);
            if (n.cancelledAt == null && exempted.contains(n.quarter)) {
                cancel(n, "EXEMPTED", today);
                changed++;
            } else if (n.cancelledAt == null && covering(periods, q).isEmpty()) {
                cancel(n, "NOT_LIABLE", today);
                changed++;
            }
        }
        for (Quarter q : quartersToBill(periods, today)) {
            if (exempted.contains(q.toString())) {
                continue; // not due: a decision of benefits-service exempted it
            }
            LiabilityPeriodEntity period = covering(periods, q).orElseThrow();
            if (prescription.isPrescribed(q, today)) {
                continue; // never billed now; an existing notice stays as it is
            }
            ContributionQuarterEntity n = notices.get(q.toString());
            try {
                if (n == null) {
                    issue(account, q, period.category, today);
                    changed++;
                    newDebt = true;
                } else if (n.cancelledAt != null) {
                    reissue(account, n, period.category, today);
                    changed++;
                    newDebt = true;
                } else if (!n.basisCategory.equals(period.category.name()) && n.regularisedAt == null) {
                    // billed in another category (a correction, a back-dated change): billed again in the right one
                    cancel(n, "CATEGORY_CORRECTED", today);
                    reissue(account, n, period.category, today);
                    changed++;
                    newDebt = true;
                }
            } catch (RuleViolation e) {
                // listed as not computable with the reason (the account's quarters), issued once the year's figures exist
                LOG.infof("Quarter %s of %s not billed yet: %s", q, account.niss.substring(7, 9), e.code());
            }
        }
        if (changed > 0) {
            if (newDebt) {
                revokeRefundsNotPaid(niss, today);
            }
            ledger.receive(niss, BigDecimal.ZERO.setScale(2), today, null, null);
            surcharges.applyTo(niss);
        }
        careers.refreshAccount(niss);
        return changed;
    }

    /**
     * The quarters the account bills now: every liable quarter from the first to the current one (the call run bills
     * each new quarter when it begins); when liability begins ahead (a registration up to 6 months before the start),
     * its first quarter, billed at once.
     */
    public static List<Quarter> quartersToBill(List<LiabilityPeriodEntity> periods, LocalDate today) {
        if (periods.isEmpty()) {
            return List.of();
        }
        Quarter first = Quarter.of(periods.stream().map(p -> p.startsOn).min(LocalDate::compareTo).orElseThrow());
        Quarter current = Quarter.of(today);
        Quarter last = first.compareTo(current) > 0 ? first : current;
        java.util.ArrayList<Quarter> quarters = new java.util.ArrayList<>();
        for (Quarter q = first; q.compareTo(last) <= 0; q = q.next()) {
            if (covering(periods, q).isPresent()) {
                quarters.add(q);
            }
        }
        return quarters;
    }

    /** The period covering a quarter (the latest if two do: a change takes effect on a quarter's first day). */
    public static Optional<LiabilityPeriodEntity> covering(List<LiabilityPeriodEntity> periods, Quarter q) {
        return periods.stream().filter(p -> p.covers(q.firstDay(), q.lastDay())).reduce((a, b) -> b);
    }

    /** The provisional contribution of a quarter in a category (a RuleViolation when it cannot be computed). */
    public QuarterComputation compute(ContributionAccountEntity account, Quarter q, ContributorCategory category) {
        return ProvisionalContribution.compute(q, category, account.liableFrom, ReferenceIncomeEntity.of(account.niss), parameters.table());
    }

    private void issue(ContributionAccountEntity account, Quarter quarter, ContributorCategory category, LocalDate today) {
        QuarterComputation c = compute(account, quarter, category);
        ContributionQuarterEntity q = new ContributionQuarterEntity();
        q.id = UUID.randomUUID();
        q.niss = account.niss;
        q.quarter = quarter.toString();
        q.dueDate = quarter.lastDay();
        q.structuredCommunication = nextCommunication(quarter).digits();
        q.createdAt = OffsetDateTime.now(clock);
        setAmounts(q, c, category);
        q.persist();
        ledger.bookNotice(q);
        publishIssued(q);
    }

    /** A notice cancelled (or billed in another category) issued again, with the same payment reference. */
    private void reissue(ContributionAccountEntity account, ContributionQuarterEntity q, ContributorCategory category, LocalDate today) {
        QuarterComputation c = compute(account, Quarter.parse(q.quarter), category);
        setAmounts(q, c, category);
        q.cancelledAt = null;
        q.overdueAt = null;
        q.revision++;
        ledger.book(q.niss, q.quarter, LedgerKind.CONTRIBUTION, LedgerComponent.PRINCIPAL, q.legalAmount, q.dueDate, today, null,
                "REISSUE:" + q.quarter + ":r" + q.revision + ":C", Text.of("ledger.contribution-again", q.quarter));
        ledger.book(q.niss, q.quarter, LedgerKind.FEE, LedgerComponent.PRINCIPAL, q.fee, q.dueDate, today, null,
                "REISSUE:" + q.quarter + ":r" + q.revision + ":F", Text.of("ledger.fee", q.quarter));
        publishIssued(q);
    }

    private void cancel(ContributionQuarterEntity q, String reason, LocalDate today) {
        q.cancelledAt = OffsetDateTime.now(clock);
        q.revision++;
        BigDecimal total = q.legalAmount.add(q.fee);
        ledger.book(q.niss, q.quarter, LedgerKind.REDUCTION, LedgerComponent.PRINCIPAL, total.negate(), null, today, null,
                "CANCEL:" + q.quarter + ":r" + q.revision, Text.of("ledger.cancelled." + reason.toLowerCase().replace('_', '-'), q.quarter));
        // the surcharges follow their principal: a notice that was not owed (or is billed again in another category)
        // leaves no surcharge behind; billed again, its surcharges are computed again from its due date
        BigDecimal surcharges = (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry "
                        + "WHERE account = :a AND period = :p AND component = 'SURCHARGE' AND kind IN ('SURCHARGE', 'REDUCTION', 'WAIVER')")
                .setParameter("a", q.niss).setParameter("p", q.quarter).getSingleResult();
        if (surcharges.signum() > 0) {
            ledger.book(q.niss, q.quarter, LedgerKind.REDUCTION, LedgerComponent.SURCHARGE, surcharges.negate(), null, today, null,
                    "CANCEL-SUR:" + q.quarter + ":r" + q.revision, Text.of("ledger.cancelled.surcharges", q.quarter));
        }
        events.publish(ContributionEvents.TOPIC, ContributionEvents.NOTICE_CANCELLED, q.niss, q.niss + "/" + q.quarter,
                new ContributionEvents.NoticeCancelled(q.niss, q.quarter, total, reason, surcharges.max(BigDecimal.ZERO)));
    }

    /**
     * Refunds ordered and not yet paid go back to the account's credit when it owes again (a cessation corrected
     * after its cancellations were refunded): the money pays the debt instead of leaving and being claimed back.
     */
    private void revokeRefundsNotPaid(String niss, LocalDate today) {
        for (RefundEntity r : RefundEntity.<RefundEntity>list("account = ?1 and status = 'ORDERED'", niss)) {
            r.status = "REVOKED";
            r.revokedAt = OffsetDateTime.now(clock);
            ledger.book(niss, null, LedgerKind.REFUND, LedgerComponent.CREDIT, r.amount.negate(), null, today, null,
                    "REVOKE:" + r.id, Text.of("ledger.refund-revoked", r.orderedOn));
            events.publish(ContributionEvents.TOPIC, ContributionEvents.REFUND_CANCELLED, niss, r.id.toString(),
                    new ContributionEvents.RefundCancelled(r.id, niss, r.amount, "BILLED_AGAIN", today));
        }
    }

    private void setAmounts(ContributionQuarterEntity q, QuarterComputation c, ContributorCategory category) {
        q.legalAmount = c.legalAmount();
        q.feeRate = feeRate;
        q.fee = ContributionFormula.fee(c.legalAmount(), feeRate);
        q.basisCategory = category.name();
        q.basisIncome = c.basis().base();
        q.basisReferenceIncome = c.basis().income();
        q.basisIncomeYear = c.basis().incomeYear();
        q.basisCoefficient = c.basis().coefficient();
        q.basisIncomeSource = c.basis().incomeSource();
        q.basisParameterYear = c.basis().parameterYear();
        q.basisRule = c.basis().rule().encode();
    }

    private void publishIssued(ContributionQuarterEntity q) {
        events.publish(ContributionEvents.TOPIC, ContributionEvents.NOTICE_ISSUED, q.niss, q.niss + "/" + q.quarter,
                new ContributionEvents.NoticeIssued(q.niss, q.quarter, q.dueDate, q.legalAmount, q.fee, q.legalAmount.add(q.fee),
                        StructuredCommunication.parse(q.structuredCommunication).formatted()));
    }

    static ContributionAccountEntity requireAccount(String niss) {
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
