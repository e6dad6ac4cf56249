package be.caisse.benefits.application;

import be.caisse.benefits.domain.AppealMentions;
import be.caisse.benefits.domain.Assessment;
import be.caisse.benefits.domain.ClaimStatus;
import be.caisse.benefits.domain.Undue;
import be.caisse.benefits.persistence.BeneficiaryEntity;
import be.caisse.benefits.persistence.BenefitPaymentEntity;
import be.caisse.benefits.persistence.ClaimDecisionEntity;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.ClaimRevisionEntity;
import be.caisse.benefits.persistence.UndueAmountEntity;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.identifiers.Uuids;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.projection.KnownPerson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Revised decisions and the undue amounts they establish (REFERENCE.md §4, §10.7). An agent prepares a revision of
 * a decided claim with the corrected facts and the cause of the error; a supervisor who did not prepare it approves
 * it, the facts read again. Approved, the revision replaces the claim's decision (the replaced one is kept with it),
 * what was scheduled and not yet paid is replaced by what the revised right still pays, and what was paid above the
 * revised right becomes an undue amount when the law lets the fund claim it back (art. 17 al. 2, art. 21): offset
 * on the member's later payments, or a payment request with its own structured communication. A revision is
 * published so that contribution-service lifts or grants the exemptions it changes.
 */
@ApplicationScoped
public class RevisionService {
    public static final String REVISED = "be.caisse.benefits.claim-revised.v1";
    public static final String UNDUE_SETTLED = "be.caisse.benefits.undue-settled.v1";

    /** How the fund claims an undue amount back. */
    public enum Recovery { OFFSET, PAYMENT_REQUEST }

    @Inject
    EntityManager em;

    @Inject
    BenefitDocuments documents;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ClaimService claims;

    @Inject
    PaymentService payments;

    @Inject
    BenefitAmounts amounts;

    /** Not found in the sources: the time the member is given to repay (a parameter, REFERENCE.md §10.7 is silent). */
    @ConfigProperty(name = "caisse.benefits.undue.pay-within-days", defaultValue = "30")
    int payWithinDays;

    /** What the agent corrects; a field left out keeps the claim's value. */
    public record Corrections(List<LocalDate> fullDays, List<LocalDate> halfDays, Integer months, Boolean familyCharge,
                              LocalDate interruptionEnd, java.time.YearMonth resumedActivity) {
    }

    /** The decision a revision replaces, kept with it. */
    public record Previous(String outcome, BigDecimal total, int units, String unit, String payments, String exempted,
                           String motivation, String decidedBy, LocalDate notifiedOn) {
    }

    public record Revised(UUID claimId, UUID revisionId, String reference, String revision, String niss, String type,
                          String previousOutcome, BigDecimal previousTotal, String outcome, BigDecimal total, int units, String unit,
                          List<String> exemptedQuarters, List<String> liftedQuarters, String cause, Undue undue, LocalDate notifiedOn) {
        public record Undue(UUID id, BigDecimal overpaid, BigDecimal waived, BigDecimal claimed, BigDecimal interest, String recovery,
                            String structuredCommunication, LocalDate payBy) {
        }
    }

    public record Settled(UUID undueId, UUID claimId, String niss, String kind, BigDecimal amount, BigDecimal balance, LocalDate on) {
    }

    /** An agent prepares a revision: the corrected facts assessed as the fund knows the member today. */
    @Transactional
    public ClaimRevisionEntity prepare(UUID claimId, Corrections corrections, Undue.Fault cause, boolean memberKnew, Recovery recovery,
                                       String reason, String by) {
        ClaimEntity c = ClaimService.require(claimId);
        ClaimStatus status = ClaimStatus.valueOf(c.status);
        if (status != ClaimStatus.DECIDED && status != ClaimStatus.PAID) {
            throw DomainProblem.conflict("claim-not-revisable", c.reference, c.status);
        }
        if (ClaimRevisionEntity.count("claimId = ?1 and status = 'PREPARED'", claimId) > 0) {
            throw DomainProblem.conflict("revision-under-way", c.reference);
        }
        ClaimDecisionEntity d = ClaimDecisionEntity.findById(claimId);
        ClaimService.Details details = corrected(claims.read(c.details), corrections);
        ClaimRevisionEntity r = new ClaimRevisionEntity();
        r.id = Uuids.timeOrdered();
        r.claimId = claimId;
        r.status = "PREPARED";
        r.reason = reason;
        r.cause = cause.name();
        r.memberKnew = memberKnew;
        r.recovery = recovery.name();
        r.details = claims.write(details);
        r.previous = claims.write(new Previous(d.outcome, d.total, d.units, d.unit, d.payments, d.exempted, d.motivation, c.decidedBy,
                c.notifiedOn));
        r.preparedBy = by;
        r.preparedAt = OffsetDateTime.now(clock);
        Computed computed = compute(c, details, cause, memberKnew);
        if (computed.assessed().result().outcome().name().equals(d.outcome) && computed.assessed().result().total().compareTo(d.total) == 0
                && computed.undue().overpaid().signum() == 0 && exempted(computed).equals(split(d.exempted))) {
            throw DomainProblem.conflict("revision-changes-nothing", c.reference);
        }
        fill(r, computed);
        // numbered per claim: the first revision of BEN-2026-000042 is BEN-2026-000042-R1
        r.reference = String.format("%s-R%d", c.reference, ClaimRevisionEntity.count("claimId", claimId) + 1);
        r.persist();
        claims.note(c, by, "revision " + r.reference + " prepared: " + reason);
        return r;
    }

    /**
     * The supervisor approves (or rejects) a prepared revision; never the agent who prepared it. The facts are read
     * again: a revision that would now differ is computed anew and waits for a second look (409).
     */
    @Transactional(dontRollbackOn = DomainProblem.class)
    public ClaimRevisionEntity approve(UUID revisionId, boolean approve, String note, String by) {
        ClaimRevisionEntity r = require(revisionId);
        if (!"PREPARED".equals(r.status)) {
            throw DomainProblem.conflict("revision-not-prepared", r.reference, r.status);
        }
        if (by.equals(r.preparedBy)) {
            throw new DomainProblem(403, "claim-four-eyes");
        }
        ClaimEntity c = ClaimService.require(r.claimId);
        if (!approve) {
            r.status = "REJECTED";
            r.decidedBy = by;
            r.decidedAt = OffsetDateTime.now(clock);
            claims.note(c, by, "revision " + r.reference + " rejected" + (note == null ? "" : ": " + note));
            return r;
        }
        ClaimService.Details details = claims.read(r.details);
        Computed now = compute(c, details, Undue.Fault.valueOf(r.cause), r.memberKnew);
        if (now.assessed().result().total().compareTo(r.total) != 0 || !now.assessed().result().outcome().name().equals(r.outcome)
                || now.undue().claimed().compareTo(r.recoverable.add(r.interest)) != 0) {
            fill(r, now);
            throw DomainProblem.conflict("revision-changed", r.reference);
        }
        LocalDate today = LocalDate.now(clock);
        KnownPerson member = KnownPerson.findById(c.niss);
        String language = member == null || member.language == null ? "fr" : member.language;
        BeneficiaryEntity b = BeneficiaryEntity.findById(c.niss);
        String postal = details.postalCode() != null ? details.postalCode() : b == null ? null : b.postalCode;
        AppealMentions.Mentions m = AppealMentions.of(amounts.courts(), postal, language, today, r.reference, ClaimService.SERVICE);
        r.mentions = m.texts().stream().map(Text::encode).collect(Collectors.joining("\n"));
        r.court = m.court() == null ? null : m.court() + ", " + m.courtAddress();
        r.appealBy = m.appealBy();
        r.status = "APPROVED";
        r.decidedBy = by;
        r.decidedAt = OffsetDateTime.now(clock);
        r.notifiedOn = today;

        // the claim's decision is now the revised one; the replaced one stays in the revision
        ClaimDecisionEntity d = ClaimDecisionEntity.findById(c.id);
        Set<String> before = split(d.exempted);
        claims.fill(d, now.assessed());
        d.mentions = r.mentions;
        d.court = r.court;
        d.appealBy = r.appealBy;
        c.details = r.details; // the corrected facts are the claim's facts from now on
        c.decidedBy = by;
        c.decidedAt = r.decidedAt;
        c.notifiedOn = today;

        // what was scheduled and not paid gives way to what the revised right still pays
        String iban = details.iban();
        for (BenefitPaymentEntity p : BenefitPaymentEntity.<BenefitPaymentEntity>list("claimId = ?1 and status = 'SCHEDULED'", c.id)) {
            iban = p.iban != null ? p.iban : iban;
            p.status = "CANCELLED";
        }
        if (iban == null) {
            BenefitPaymentEntity last = BenefitPaymentEntity.find("claimId = ?1 and iban is not null order by createdAt desc", c.id).firstResult();
            iban = last == null ? null : last.iban;
        }
        List<Assessment.Payment> rest = Undue.stillToPay(now.assessed().result().payments(), now.alreadyPaid());
        payments.schedule(c, rest, iban);

        UndueAmountEntity undue = null;
        BigDecimal claimed = now.undue().claimed();
        if (claimed.signum() > 0) {
            undue = new UndueAmountEntity();
            undue.id = Uuids.timeOrdered();
            undue.revisionId = r.id;
            undue.claimId = c.id;
            undue.niss = c.niss;
            undue.amount = claimed;
            undue.balance = claimed;
            undue.recovery = r.recovery;
            long seq = ((Number) em.createNativeQuery("SELECT nextval('undue_reference_seq')").getSingleResult()).longValue();
            // YY9 + 7 digits: contribution notices use YYQ (Q = 1..4) and company contributions YY0, so none collide
            undue.structuredCommunication = StructuredCommunication.fromReference(((today.getYear() % 100) * 10L + 9) * 10_000_000L + seq).digits();
            undue.establishedOn = today;
            undue.payBy = today.plusDays(payWithinDays);
            undue.status = "OPEN";
            undue.persist();
        }
        ClaimStatus status = ClaimStatus.valueOf(c.status);
        long open = BenefitPaymentEntity.count("claimId = ?1 and status in ('SCHEDULED', 'IN_RUN')", c.id);
        if (status == ClaimStatus.PAID && open > 0) {
            claims.move(c, ClaimStatus.DECIDED, by, "revision " + r.reference + ": more to pay");
        } else if (status == ClaimStatus.DECIDED && open == 0
                && BenefitPaymentEntity.count("claimId = ?1 and status in ('EXECUTED', 'OFFSET')", c.id) > 0) {
            claims.move(c, ClaimStatus.PAID, by, "revision " + r.reference + ": nothing more to pay");
        } else {
            claims.note(c, by, "revision " + r.reference + " approved" + (note == null ? "" : ": " + note));
        }
        Set<String> after = exempted(now);
        List<String> lifted = before.stream().filter(q -> !after.contains(q)).sorted().toList();
        events.publish(ClaimService.TOPIC, REVISED, c.niss, r.id.toString(), new Revised(c.id, r.id, c.reference, r.reference, c.niss,
                c.type, previous(r).outcome(), previous(r).total(), r.outcome, r.total, r.units, r.unit, after.stream().sorted().toList(),
                lifted, r.cause, undue == null ? null : new Revised.Undue(undue.id, r.overpaid, r.waived, undue.amount, r.interest,
                undue.recovery, undue.structuredCommunication, undue.payBy), today));
        // the revised decision replaces the notified one; what is claimed back has its own decision
        documents.decision(c, d, r);
        if (undue != null) {
            documents.undueDecision(c, r, undue);
        }
        return r;
    }

    /** A repayment of an undue amount the member made (by transfer with its structured communication), recorded once. */
    @Transactional
    public UndueAmountEntity repayment(UUID undueId, BigDecimal amount, LocalDate on, String bankReference, String by) {
        UndueAmountEntity u = UndueAmountEntity.findById(undueId);
        if (u == null) {
            throw DomainProblem.notFound("undue");
        }
        Number seen = (Number) em.createNativeQuery("SELECT count(*) FROM undue_settlement WHERE bank_reference = :b")
                .setParameter("b", bankReference).getSingleResult();
        if (seen.intValue() > 0) {
            return u; // the same bank line again: already recorded
        }
        if (amount.compareTo(u.balance) > 0) {
            // more than is owed is not kept silently: the excess is the member's and must be paid back
            throw DomainProblem.conflict("undue-repayment-too-much", amount, u.balance);
        }
        settle(u, "REPAYMENT", amount, null, bankReference, on, by);
        return u;
    }

    /** Takes {@code amount} off the balance, with its settlement row and event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(UndueAmountEntity u, String kind, BigDecimal amount, UUID paymentId, String bankReference, LocalDate on, String by) {
        em.createNativeQuery("INSERT INTO undue_settlement (id, undue_id, kind, amount, payment_id, bank_reference, settled_on, recorded_by, recorded_at) "
                        + "VALUES (:id, :u, :k, :a, :p, :b, :on, :by, :at)")
                .setParameter("id", Uuids.timeOrdered()).setParameter("u", u.id).setParameter("k", kind).setParameter("a", amount)
                .setParameter("p", paymentId).setParameter("b", bankReference).setParameter("on", on).setParameter("by", by)
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        u.balance = u.balance.subtract(amount);
        if (u.balance.signum() == 0) {
            u.status = "SETTLED";
        }
        events.publish(ClaimService.TOPIC, UNDUE_SETTLED, u.niss, u.id + "/" + (paymentId != null ? paymentId : bankReference),
                new Settled(u.id, u.claimId, u.niss, kind, amount, u.balance, on));
    }

    public static ClaimRevisionEntity require(UUID id) {
        ClaimRevisionEntity r = ClaimRevisionEntity.findById(id);
        if (r == null) {
            throw DomainProblem.notFound("revision");
        }
        return r;
    }

    public Previous previous(ClaimRevisionEntity r) {
        try {
            return json.readValue(r.previous, Previous.class);
        } catch (IOException e) {
            throw new IllegalStateException("A revision's previous decision could not be read", e);
        }
    }

    public List<Undue.Line> lines(ClaimRevisionEntity r) {
        try {
            return json.readValue(r.undueLines, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("A revision's undue lines could not be read", e);
        }
    }

    record Computed(ClaimService.Assessed assessed, Undue.Result undue, Map<String, BigDecimal> alreadyPaid) {
    }

    private Computed compute(ClaimEntity c, ClaimService.Details details, Undue.Fault cause, boolean memberKnew) {
        LocalDate today = LocalDate.now(clock);
        ClaimService.Assessed a = claims.assess(c, details, today);
        // what was paid (or is on its way in a run), the part kept back by an offset included, less what earlier
        // revisions already found paid too much: a period's overpayment is established once
        Map<String, BigDecimal> alreadyPaid = new LinkedHashMap<>();
        Map<String, LocalDate> lastPaid = new LinkedHashMap<>();
        for (BenefitPaymentEntity p : BenefitPaymentEntity.<BenefitPaymentEntity>list(
                "claimId = ?1 and status in ('IN_RUN', 'EXECUTED', 'OFFSET') order by dueDate, createdAt", c.id)) {
            alreadyPaid.merge(p.period, p.amount, BigDecimal::add);
            LocalDate on = p.executedOn != null ? p.executedOn : p.dueDate;
            lastPaid.merge(p.period, on, (x, y) -> x.isAfter(y) ? x : y);
        }
        for (ClaimRevisionEntity earlier : ClaimRevisionEntity.<ClaimRevisionEntity>list("claimId = ?1 and status = 'APPROVED'", c.id)) {
            for (Undue.Line l : lines(earlier)) {
                alreadyPaid.computeIfPresent(l.period(), (k, v) -> v.subtract(l.overpaid()).max(BigDecimal.ZERO));
            }
        }
        List<Undue.Paid> paid = new ArrayList<>();
        alreadyPaid.forEach((period, amount) -> {
            if (amount.signum() > 0) {
                paid.add(new Undue.Paid(period, amount, lastPaid.get(period)));
            }
        });
        Map<String, BigDecimal> revised = new LinkedHashMap<>();
        for (Assessment.Payment p : a.result().payments()) {
            revised.merge(p.period(), p.amount(), BigDecimal::add);
        }
        Undue.Result u = Undue.establish(paid, revised, cause, memberKnew, today, payments.interest());
        return new Computed(a, u, alreadyPaid);
    }

    private void fill(ClaimRevisionEntity r, Computed c) {
        Assessment.Result res = c.assessed().result();
        r.outcome = res.outcome().name();
        r.total = res.total();
        r.units = res.units();
        r.unit = res.unit();
        r.facts = claims.write(c.assessed().stored().facts());
        r.parameters = claims.write(c.assessed().stored().parameters());
        r.amounts = claims.write(c.assessed().stored().amounts());
        r.payments = claims.write(res.payments());
        r.exempted = String.join(",", exempted(c));
        r.refusals = String.join(",", res.refusals());
        List<Text> why = new ArrayList<>(res.motivation());
        why.addAll(c.undue().motivation());
        r.motivation = why.stream().map(Text::encode).collect(Collectors.joining("\n"));
        r.overpaid = c.undue().overpaid();
        r.recoverable = c.undue().recoverable();
        r.waived = c.undue().waived();
        r.interest = c.undue().interest();
        r.undueLines = claims.write(c.undue().lines());
    }

    private static Set<String> exempted(Computed c) {
        return c.assessed().result().exemptedQuarters().stream().map(Object::toString).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(csv.split(",")));
    }

    private static ClaimService.Details corrected(ClaimService.Details d, Corrections k) {
        if (k == null) {
            return d;
        }
        return new ClaimService.Details(k.fullDays() != null ? k.fullDays() : d.fullDays(), k.halfDays() != null ? k.halfDays() : d.halfDays(),
                k.months() != null ? k.months() : d.months(), d.firstMonth(), d.extent(),
                k.familyCharge() != null ? k.familyCharge() : d.familyCharge(), d.ground(), d.cause(), d.economicConditions(), d.iban(),
                d.postalCode(), k.interruptionEnd() != null ? k.interruptionEnd() : d.interruptionEnd(),
                k.resumedActivity() != null ? k.resumedActivity() : d.resumedActivity(), d.vouchersInstead());
    }
}
