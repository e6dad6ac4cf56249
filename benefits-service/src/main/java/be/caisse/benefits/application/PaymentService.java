package be.caisse.benefits.application;

import be.caisse.benefits.domain.Assessment;
import be.caisse.benefits.domain.CharterClock;
import be.caisse.benefits.domain.ClaimStatus;
import be.caisse.benefits.domain.LateInterest;
import be.caisse.benefits.domain.Pain001;
import be.caisse.benefits.persistence.BenefitPaymentEntity;
import be.caisse.benefits.persistence.ClaimDecisionEntity;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.PaymentRunEntity;
import be.caisse.common.domain.RuleViolation;
import be.caisse.common.identifiers.Uuids;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import be.caisse.common.problem.DomainProblem;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paying what decisions granted. A decision's payments are scheduled when it is approved; a payment run (a
 * supervisor starts it) takes every scheduled payment due by its execution date that has an IBAN, adds the interest
 * of right when it is paid after the Charter's 4 months from the notification (art. 20), snapshots the member's
 * IBAN and name, and writes one SEPA credit-transfer file (pain.001.001.09). A run happens once, in one transaction:
 * a payment belongs to one run, and a run that fails leaves everything as it was. The bank's answer is recorded
 * per payment: executed, or returned (the payment is reopened, waiting for a new IBAN).
 */
@ApplicationScoped
public class PaymentService {
    public static final String ORDERED = "be.caisse.benefits.payment-ordered.v1";
    public static final String RETURNED = "be.caisse.benefits.payment-returned.v1";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "caisse.benefits.interest-kind", defaultValue = "LEGAL_INTEREST_RATE")
    be.caisse.benefits.domain.AmountKind interestKind;

    @ConfigProperty(name = "caisse.benefits.debtor.name", defaultValue = "Caisse d'assurances sociales pour independants")
    String debtorName;

    @ConfigProperty(name = "caisse.benefits.debtor.iban", defaultValue = "BE68539007547034")
    String debtorIban;

    @ConfigProperty(name = "caisse.benefits.debtor.bic", defaultValue = " ")
    String debtorBic;

    @Inject
    BenefitAmounts amounts;

    @Inject
    ClaimService claims;

    @Inject
    RevisionService revisions;

    /** The interest of right at the rates of the amount table (a year's rate is a row an admin adds). */
    public LateInterest interest() {
        return LateInterest.of(amounts.table(), interestKind);
    }

    /** The payments of an approved decision, each due on its date, to the IBAN the claim gave (or waiting for one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(ClaimEntity c, ClaimDecisionEntity d, String iban) {
        List<Assessment.Payment> payments;
        try {
            payments = json.readValue(d.payments, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("A decision's payments could not be read", e);
        }
        schedule(c, payments, iban);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(ClaimEntity c, List<Assessment.Payment> payments, String iban) {
        for (Assessment.Payment p : payments) {
            BenefitPaymentEntity e = new BenefitPaymentEntity();
            e.id = Uuids.timeOrdered();
            e.claimId = c.id;
            e.niss = c.niss;
            e.period = p.period();
            e.dueDate = p.due();
            e.amount = p.amount();
            e.interest = BigDecimal.ZERO.setScale(2);
            e.status = "SCHEDULED";
            e.iban = iban;
            e.createdAt = OffsetDateTime.now(clock);
            e.persist();
        }
    }

    public record RunOutcome(PaymentRunEntity run) {
    }

    public record Ordered(UUID paymentId, UUID claimId, String niss, String period, BigDecimal amount, BigDecimal interest,
                          BigDecimal offset, String endToEndId, UUID runId, LocalDate executionDate) {
    }

    public record Returned(UUID paymentId, UUID claimId, String niss, BigDecimal amount, String reason, UUID reopenedAs) {
    }

    /** A payment run for {@code executionDate}: every scheduled payment due by then, with an IBAN. */
    @Transactional
    public PaymentRunEntity run(LocalDate executionDate, String by) {
        if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.BENEFIT_PAYMENT_RUN)) {
            throw DomainProblem.conflict("payment-run-running");
        }
        LocalDate today = LocalDate.now(clock);
        if (executionDate.isBefore(today)) {
            throw new RuleViolation("payment-run-in-the-past", executionDate).on("executionDate");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.claim_id, p.niss, p.period, p.amount, p.iban, c.reference, c.notified_on, "
                        + "k.first_name, k.last_name, (SELECT count(*) FROM benefit_payment r WHERE r.claim_id = p.claim_id AND r.period = p.period "
                        + "AND r.status = 'RETURNED'), c.clock_start, c.days_suspended, p.due_date FROM benefit_payment p JOIN claim c ON c.id = p.claim_id "
                        + "LEFT JOIN known_person k ON k.niss = p.niss "
                        + "WHERE p.status = 'SCHEDULED' AND p.due_date <= :d AND p.iban IS NOT NULL ORDER BY p.due_date, p.id")
                .setParameter("d", executionDate).getResultList();
        Number waiting = (Number) em.createNativeQuery("SELECT count(*) FROM benefit_payment WHERE status = 'SCHEDULED' AND due_date <= :d "
                + "AND iban IS NULL").setParameter("d", executionDate).getSingleResult();
        if (rows.isEmpty()) {
            throw DomainProblem.conflict("payment-run-empty", executionDate, waiting.intValue());
        }
        PaymentRunEntity run = new PaymentRunEntity();
        run.id = Uuids.timeOrdered();
        long seq = ((Number) em.createNativeQuery("SELECT nextval('payment_run_seq')").getSingleResult()).longValue();
        run.reference = String.format("BENRUN-%s-%04d", executionDate, seq);
        run.executionDate = executionDate;
        run.status = "COMPLETED";
        run.startedBy = by;
        run.startedAt = OffsetDateTime.now(clock);
        LateInterest rates = interest();
        List<Pain001.Transfer> transfers = new ArrayList<>(rows.size());
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal interestTotal = BigDecimal.ZERO;
        int late = 0;
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        be.caisse.common.outbox.OutboxBulk ordered = events.bulk(); // one payment-ordered event each, written with one COPY
        List<Object[]> updates = new ArrayList<>(rows.size());
        // undue amounts to offset on this member's payments, oldest first (art. 17/21: compensation on later benefits)
        java.util.Map<String, java.util.ArrayDeque<be.caisse.benefits.persistence.UndueAmountEntity>> owed = new java.util.HashMap<>();
        for (be.caisse.benefits.persistence.UndueAmountEntity u : be.caisse.benefits.persistence.UndueAmountEntity
                .<be.caisse.benefits.persistence.UndueAmountEntity>list("status = 'OPEN' and recovery = 'OFFSET' order by establishedOn, id")) {
            owed.computeIfAbsent(u.niss, k -> new java.util.ArrayDeque<>()).add(u);
        }
        int offsetOnly = 0;
        BigDecimal offsetTotal = BigDecimal.ZERO.setScale(2);
        java.util.Set<UUID> settledClaims = new java.util.HashSet<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            BigDecimal amount = (BigDecimal) r[4];
            LocalDate notified = date(r[7]);
            LocalDate clockStart = date(r[11]);
            BigDecimal interest = BigDecimal.ZERO.setScale(2);
            if (notified != null) {
                LocalDate decisionDue = clockStart == null ? null : CharterClock.decisionDue(clockStart, ((Number) r[12]).longValue());
                LocalDate from = CharterClock.interestFrom(decisionDue, notified, date(r[13]));
                try {
                    interest = rates.on(amount, from, executionDate);
                } catch (RuleViolation missingRate) {
                    late++;
                    continue; // a year's legal rate is not set: the payment waits for it rather than go without its interest
                }
            }
            String name = ((r[8] == null ? "" : r[8] + " ") + (r[9] == null ? "" : r[9])).strip();
            long returned = ((Number) r[10]).longValue();
            String e2e = r[6] + "-" + r[3] + (returned > 0 ? "-R" + returned : "");
            BigDecimal paid = amount.add(interest);
            BigDecimal offset = BigDecimal.ZERO.setScale(2);
            java.util.ArrayDeque<be.caisse.benefits.persistence.UndueAmountEntity> debts = owed.get((String) r[2]);
            while (debts != null && !debts.isEmpty() && paid.compareTo(offset) > 0) {
                be.caisse.benefits.persistence.UndueAmountEntity u = debts.peek();
                BigDecimal take = be.caisse.benefits.domain.Undue.offset(u.balance, paid.subtract(offset));
                revisions.settle(u, "OFFSET", take, id, null, executionDate, by);
                offset = offset.add(take);
                if (u.balance.signum() == 0) {
                    debts.poll();
                }
            }
            BigDecimal transferred = paid.subtract(offset);
            if (transferred.signum() > 0) {
                transfers.add(new Pain001.Transfer(e2e, transferred, name.isEmpty() ? "Beneficiaire" : name, (String) r[5],
                        r[6] + " " + r[3] + (interest.signum() > 0 ? " + interest art. 20 " + interest.toPlainString() : "")
                                + (offset.signum() > 0 ? " - offset " + offset.toPlainString() : "")));
            } else {
                offsetOnly++; // all of it went to an undue amount: nothing to transfer, settled as paid
            }
            updates.add(new Object[]{id, interest, name, e2e, offset, transferred.signum() > 0 ? "IN_RUN" : "OFFSET",
                    transferred.signum() > 0 ? null : executionDate});
            total = total.add(transferred);
            offsetTotal = offsetTotal.add(offset);
            if (transferred.signum() == 0) {
                settledClaims.add((UUID) r[1]);
            }
            interestTotal = interestTotal.add(interest);
            ordered.add(ClaimService.TOPIC, ORDERED, (String) r[2], id.toString(), new Ordered(id, (UUID) r[1], (String) r[2],
                    (String) r[3], amount, interest, offset, e2e, run.id, executionDate));
        }
        if (transfers.isEmpty() && offsetOnly == 0) {
            throw DomainProblem.conflict("payment-run-empty", executionDate, waiting.intValue() + late);
        }
        em.flush(); // the offsets' settlements before the batch below
        session.doWork(connection -> {
            try (var ps = connection.prepareStatement("UPDATE benefit_payment SET status = ?, run_id = ?, interest = ?, name = ?, "
                    + "end_to_end_id = ?, offset_amount = ?, executed_on = ? WHERE id = ? AND status = 'SCHEDULED'")) {
                for (Object[] u : updates) {
                    ps.setString(1, (String) u[5]);
                    ps.setObject(2, run.id);
                    ps.setBigDecimal(3, (BigDecimal) u[1]);
                    ps.setString(4, (String) u[2]);
                    ps.setString(5, (String) u[3]);
                    ps.setBigDecimal(6, (BigDecimal) u[4]);
                    ps.setObject(7, u[6] == null ? null : Date.valueOf((LocalDate) u[6]));
                    ps.setObject(8, u[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            ordered.copy(connection);
        });
        if (!transfers.isEmpty()) {
            StringWriter file = new StringWriter(transfers.size() * 600);
            Pain001.write(file, run.reference, OffsetDateTime.now(clock), executionDate,
                    new Pain001.Debtor(debtorName, debtorIban, debtorBic.isBlank() ? null : debtorBic.strip()), transfers);
            run.file = file.toString();
        }
        run.payments = transfers.size();
        run.offsetOnly = offsetOnly;
        run.offset = offsetTotal;
        run.total = total;
        run.interest = interestTotal;
        run.waiting = waiting.intValue() + late;
        run.finishedAt = OffsetDateTime.now(clock);
        run.persist();
        em.flush();
        em.clear(); // the batch above changed rows behind the session's back
        for (UUID claimId : settledClaims) {
            paidIfNothingOpen(ClaimEntity.findById(claimId), "system:payments");
        }
        return run; // detached by the clear, with everything it was written with
    }

    static BenefitPaymentEntity requirePayment(UUID id) {
        BenefitPaymentEntity p = BenefitPaymentEntity.findById(id);
        if (p == null) {
            throw DomainProblem.notFound("payment");
        }
        return p;
    }

    /** The bank executed the transfer; once every payment of the claim is executed, the claim is paid. */
    @Transactional
    public BenefitPaymentEntity executed(UUID id, LocalDate on) {
        BenefitPaymentEntity p = requirePayment(id);
        if (!"IN_RUN".equals(p.status)) {
            throw DomainProblem.conflict("payment-not-in-run", p.status);
        }
        p.status = "EXECUTED";
        p.executedOn = on;
        em.flush();
        paidIfNothingOpen(ClaimEntity.findById(p.claimId), "system:payments");
        return p;
    }

    /** A decided claim with nothing left to pay is paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paidIfNothingOpen(ClaimEntity c, String by) {
        long open = BenefitPaymentEntity.count("claimId = ?1 and status in ('SCHEDULED', 'IN_RUN')", c.id);
        if (open == 0 && ClaimStatus.DECIDED.name().equals(c.status)) {
            claims.move(c, ClaimStatus.PAID, by, null);
        }
    }

    /** The bank returned the transfer (a closed account, a wrong IBAN): reopened as a new payment waiting for an IBAN. */
    @Transactional
    public BenefitPaymentEntity returned(UUID id, String reason) {
        BenefitPaymentEntity p = requirePayment(id);
        if (!"IN_RUN".equals(p.status) && !"EXECUTED".equals(p.status)) {
            throw DomainProblem.conflict("payment-not-in-run", p.status);
        }
        p.status = "RETURNED";
        p.returnedOn = LocalDate.now(clock);
        p.returnReason = reason;
        BenefitPaymentEntity again = new BenefitPaymentEntity();
        again.id = Uuids.timeOrdered();
        again.claimId = p.claimId;
        again.niss = p.niss;
        again.period = p.period;
        again.dueDate = p.dueDate;
        again.amount = p.amount;
        again.interest = BigDecimal.ZERO.setScale(2);
        again.status = "SCHEDULED";
        again.reopenedFrom = p.id;
        again.createdAt = OffsetDateTime.now(clock);
        again.persist();
        events.publish(ClaimService.TOPIC, RETURNED, p.niss, p.id.toString(), new Returned(p.id, p.claimId, p.niss, p.amount, reason, again.id));
        ClaimEntity c = ClaimEntity.findById(p.claimId);
        if (ClaimStatus.PAID.name().equals(c.status)) {
            claims.move(c, ClaimStatus.DECIDED, "system:payments", reason); // not paid any more: a payment waits
        }
        return again;
    }

    /** A new IBAN for a payment waiting (returned, or never given): it goes into the next run. */
    @Transactional
    public BenefitPaymentEntity iban(UUID id, String iban) {
        BenefitPaymentEntity p = requirePayment(id);
        if (!"SCHEDULED".equals(p.status)) {
            throw DomainProblem.conflict("payment-not-scheduled", p.status);
        }
        p.iban = iban;
        return p;
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date sql ? sql.toLocalDate() : (LocalDate) o;
    }
}
