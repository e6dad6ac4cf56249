package be.caisse.recovery.application;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.Uuids;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.recovery.domain.PaymentPlan;
import be.caisse.recovery.persistence.PaymentPlanEntity;
import be.caisse.recovery.persistence.RecoveryCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payment plans of recovery cases (REFERENCE.md §5.3): asked by the member or proposed by an agent for the case's
 * debt, granted by an agent within the limits or by a supervisor above them; while kept, the case's timers wait and
 * no judicial step is taken. Each instalment has its own structured communication, announced by
 * {@code plan-changed} so that contribution-service matches it in the statements; the payment it reports marks the
 * instalment paid. The daily pass sees a missed instalment (a notice), then a plan broken after the grace period:
 * the path resumes where it stood.
 */
@ApplicationScoped
public class PlanService {
    public static final String CHANGED = "be.caisse.recovery.plan-changed.v1";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    RecoveryService recovery;

    @ConfigProperty(name = "caisse.recovery.plan.agent-max-amount", defaultValue = "5000.00")
    BigDecimal agentMaxAmount;

    @ConfigProperty(name = "caisse.recovery.plan.agent-max-months", defaultValue = "12")
    int agentMaxMonths;

    @ConfigProperty(name = "caisse.recovery.plan.max-months", defaultValue = "24")
    int maxMonths;

    @ConfigProperty(name = "caisse.recovery.plan.grace-days", defaultValue = "15")
    int graceDays;

    public PaymentPlan.Limits limits() {
        return new PaymentPlan.Limits(agentMaxAmount, agentMaxMonths, maxMonths, graceDays);
    }

    public record InstalmentLine(int number, LocalDate dueOn, BigDecimal amount, String structuredCommunication) {
    }

    public record Changed(UUID planId, UUID caseId, String reference, String debtor, String status, LocalDate on, BigDecimal amount,
                          List<InstalmentLine> instalments, List<String> periods) {
    }

    /**
     * A plan for the case's whole debt. Asked by a member, it waits for the fund; proposed by an agent within the
     * limits, it is granted at once; above them, it waits for a supervisor.
     */
    @Transactional
    public PaymentPlanEntity request(UUID caseId, int months, LocalDate firstDueOn, String by, boolean member) {
        RecoveryCaseEntity c = RecoveryService.require(caseId);
        if ("CLOSED".equals(c.state)) {
            throw DomainProblem.conflict("case-closed", c.reference);
        }
        if (PaymentPlanEntity.count("caseId = ?1 and status in ('REQUESTED', 'PROPOSED', 'APPROVED')", caseId) > 0) {
            throw DomainProblem.conflict("plan-running", c.reference);
        }
        if (months > maxMonths) {
            throw DomainProblem.conflict("plan-too-long", months, maxMonths);
        }
        BigDecimal debt = recovery.debt(caseId);
        if (debt.signum() <= 0) {
            throw DomainProblem.conflict("plan-nothing-due", c.reference);
        }
        if (c.state.startsWith("CONTRAINTE") || "OPPOSED".equals(c.state) || "SUMMONED".equals(c.state) || "ENFORCEMENT".equals(c.state)) {
            // after a judicial step the terms are the court's or the bailiff's; a plan is agreed before it
            throw DomainProblem.conflict("plan-after-judicial-step", c.reference, c.state);
        }
        PaymentPlanEntity p = new PaymentPlanEntity();
        p.id = Uuids.timeOrdered();
        p.caseId = caseId;
        p.amount = debt;
        p.months = months;
        p.firstDueOn = firstDueOn;
        p.approver = PaymentPlan.approver(debt, months, limits()).name();
        p.requestedBy = by;
        p.requestedOn = LocalDate.now(clock);
        p.status = member ? "REQUESTED" : "AGENT".equals(p.approver) ? "APPROVED" : "PROPOSED";
        p.persist();
        if ("APPROVED".equals(p.status)) {
            p.decidedBy = by;
            p.decidedOn = p.requestedOn;
            activate(c, p);
        } else {
            recovery.note(c, by, "payment plan " + p.status.toLowerCase() + ": " + months + " months");
        }
        return p;
    }

    /** The fund's answer to a plan asked or proposed: a supervisor for one above the agents' limits. */
    @Transactional
    public PaymentPlanEntity decide(UUID caseId, UUID planId, boolean approve, String note, String by, boolean supervisor) {
        PaymentPlanEntity p = PaymentPlanEntity.findById(planId);
        if (p == null || !p.caseId.equals(caseId)) {
            throw DomainProblem.notFound("plan");
        }
        if (!"REQUESTED".equals(p.status) && !"PROPOSED".equals(p.status)) {
            throw DomainProblem.conflict("plan-not-waiting", p.status);
        }
        if ("SUPERVISOR".equals(p.approver) && !supervisor) {
            throw new DomainProblem(403, "plan-needs-supervisor", p.amount, p.months);
        }
        if (by.equals(p.requestedBy) && "PROPOSED".equals(p.status)) {
            throw new DomainProblem(403, "plan-four-eyes");
        }
        RecoveryCaseEntity c = RecoveryService.require(caseId);
        p.decidedBy = by;
        p.decidedOn = LocalDate.now(clock);
        p.note = note;
        if (!approve) {
            p.status = "REJECTED";
            recovery.note(c, by, "payment plan rejected" + (note == null ? "" : ": " + note));
            return p;
        }
        p.status = "APPROVED";
        activate(c, p);
        return p;
    }

    @Inject
    RecoveryDocuments documents;

    private void activate(RecoveryCaseEntity c, PaymentPlanEntity p) {
        List<InstalmentLine> lines = new ArrayList<>();
        for (PaymentPlan.Instalment i : PaymentPlan.instalments(p.amount, p.months, p.firstDueOn)) {
            long seq = ((Number) em.createNativeQuery("SELECT nextval('plan_reference_seq')").getSingleResult()).longValue();
            // YY8 + 7 digits: notices use YYQ (Q = 1..4), company contributions YY0, benefit undue amounts YY9
            StructuredCommunication sc = StructuredCommunication.fromReference(((p.requestedOn.getYear() % 100) * 10L + 8) * 10_000_000L + seq);
            em.createNativeQuery("INSERT INTO plan_instalment (plan_id, number, due_on, amount, structured_communication) "
                            + "VALUES (:p, :n, :d, :a, :s)")
                    .setParameter("p", p.id).setParameter("n", i.number()).setParameter("d", i.dueOn()).setParameter("a", i.amount())
                    .setParameter("s", sc.digits()).executeUpdate();
            lines.add(new InstalmentLine(i.number(), i.dueOn(), i.amount(), sc.digits()));
        }
        c.planId = p.id;
        c.nextStep = null;
        c.nextStepOn = null; // the path waits while the plan is kept
        recovery.note(c, p.decidedBy, "payment plan approved: " + p.months + " instalments from " + p.firstDueOn);
        publish(c, p, lines);
        documents.plan(c, p, lines); // the agreement, each instalment with its communication and QR code
    }

    private void publish(RecoveryCaseEntity c, PaymentPlanEntity p, List<InstalmentLine> lines) {
        @SuppressWarnings("unchecked")
        List<String> periods = em.createNativeQuery("SELECT DISTINCT period FROM debt_item WHERE case_id = :c AND amount > 0 ORDER BY period")
                .setParameter("c", c.id).getResultList();
        events.publish(RecoveryService.TOPIC, CHANGED, c.debtor, p.id + "/" + p.status + "/" + LocalDate.now(clock),
                new Changed(p.id, c.id, c.reference, c.debtor, p.status, LocalDate.now(clock), p.amount, lines, periods));
    }

    public List<PaymentPlan.Paid> instalments(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT number, due_on, amount, received FROM plan_instalment WHERE plan_id = :p ORDER BY number")
                .setParameter("p", planId).getResultList();
        List<PaymentPlan.Paid> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new PaymentPlan.Paid(new PaymentPlan.Instalment(((Number) r[0]).intValue(),
                    r[1] instanceof Date d ? d.toLocalDate() : (LocalDate) r[1], (BigDecimal) r[2]), (BigDecimal) r[3]));
        }
        return out;
    }

    /** A payment with an instalment's communication (from contribution-service's payment-received): the instalment is paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(String communicationDigits, BigDecimal amount) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT plan_id, number FROM plan_instalment WHERE structured_communication = :s")
                .setParameter("s", communicationDigits).getResultList();
        if (rows.isEmpty()) {
            return; // a notice's payment: the debt falls by the imputation, no instalment to mark
        }
        em.createNativeQuery("UPDATE plan_instalment SET received = received + :a WHERE structured_communication = :s")
                .setParameter("a", amount).setParameter("s", communicationDigits).executeUpdate();
        PaymentPlanEntity p = PaymentPlanEntity.findById(rows.get(0)[0]);
        if ("APPROVED".equals(p.status) && p.lateSince != null
                && PaymentPlan.standing(instalments(p.id), LocalDate.now(clock), limits()) == PaymentPlan.Standing.KEPT) {
            p.lateSince = null; // caught up
        }
    }

    /** The plans' part of the daily pass: a missed instalment is told once; a plan unpaid after the grace is broken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int check(RecoveryCaseEntity c, LocalDate today) {
        if (c.planId == null) {
            return 0;
        }
        PaymentPlanEntity p = PaymentPlanEntity.findById(c.planId);
        PaymentPlan.Standing s = PaymentPlan.standing(instalments(p.id), today, limits());
        switch (s) {
            case LATE -> {
                if (p.lateSince == null) {
                    p.lateSince = today;
                    recovery.note(c, RecoveryService.SYSTEM, "payment plan: an instalment is missed (notice sent)");
                    publishStatus(c, p, "LATE");
                    return 1;
                }
                return 0;
            }
            case BROKEN -> {
                p.status = "BROKEN";
                p.endedOn = today;
                c.planId = null;
                recovery.resume(c, today, "payment plan broken: an instalment unpaid after " + graceDays + " days of grace");
                publishStatus(c, p, "BROKEN");
                return 1;
            }
            default -> {
                return 0;
            }
        }
    }

    /** The debt is paid while the plan ran: the plan is completed (the case closes, settled by the plan). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(RecoveryCaseEntity c) {
        if (c.planId == null) {
            return;
        }
        PaymentPlanEntity p = PaymentPlanEntity.findById(c.planId);
        p.status = "COMPLETED";
        p.endedOn = LocalDate.now(clock);
        publishStatus(c, p, "COMPLETED");
    }

    private void publishStatus(RecoveryCaseEntity c, PaymentPlanEntity p, String status) {
        events.publish(RecoveryService.TOPIC, CHANGED, c.debtor, p.id + "/" + status + "/" + LocalDate.now(clock),
                new Changed(p.id, c.id, c.reference, c.debtor, status, LocalDate.now(clock), p.amount, List.of(), List.of()));
    }
}
