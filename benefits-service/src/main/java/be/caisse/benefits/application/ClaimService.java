package be.caisse.benefits.application;

import be.caisse.benefits.domain.AppealMentions;
import be.caisse.benefits.domain.Assessment;
import be.caisse.benefits.domain.BenefitType;
import be.caisse.benefits.domain.BridgingRight;
import be.caisse.benefits.domain.CarerLeave;
import be.caisse.benefits.domain.DecisionOutcome;
import be.caisse.benefits.domain.ClaimStatus;
import be.caisse.benefits.domain.EffectiveAmount;
import be.caisse.benefits.domain.Eligibility;
import be.caisse.benefits.domain.MourningLeave;
import be.caisse.benefits.persistence.BeneficiaryEntity;
import be.caisse.benefits.persistence.ClaimDecisionEntity;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.benefits.persistence.ClaimTrailEntity;
import be.caisse.benefits.persistence.InformationRequestEntity;
import be.caisse.common.i18n.Text;
import be.caisse.common.identifiers.Niss;
import be.caisse.common.identifiers.Uuids;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import be.caisse.common.projection.KnownAffiliation;
import be.caisse.common.projection.KnownPerson;
import be.caisse.common.time.Quarter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims from proposal to decision. The fund proposes a claim itself when a fact opens a right (a birth, a death, a
 * bankruptcy); a member or an agent files one. An agent prepares the decision from the facts as they stand, a
 * supervisor who did not prepare it approves it, and the facts are read again at approval: a decision that would
 * now differ is not approved but prepared again. Every move is kept with who and when, and published.
 */
@ApplicationScoped
public class ClaimService {
    public static final String TOPIC = "caisse.benefits.events";
    public static final String TRANSITIONED = "be.caisse.benefits.claim-transitioned.v1";
    public static final String DECIDED = "be.caisse.benefits.claim-decided.v1";
    public static final String VOUCHERS_REQUESTED = "be.caisse.benefits.vouchers-requested.v1";
    /** To the member's insurer ({@link be.caisse.common.partner.PartnerEvents}): the quarters of kept social rights. */
    public static final String KEPT_RIGHTS = "be.caisse.partner.kept-rights.v1";
    static final String SERVICE = "service des prestations / dienst uitkeringen";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    BenefitAmounts amounts;

    @Inject
    ObjectMapper json;

    @Inject
    PaymentService payments;

    @ConfigProperty(name = "caisse.benefits.bridging-right.quarters-required", defaultValue = "4")
    int bridgingQuartersRequired;

    @ConfigProperty(name = "caisse.benefits.bridging-right.quarters-window", defaultValue = "16")
    int bridgingQuartersWindow;

    @ConfigProperty(name = "caisse.benefits.bridging-right.deadline-quarters", defaultValue = "2")
    int bridgingDeadlineQuarters;

    @ConfigProperty(name = "caisse.benefits.mourning-leave.deadline", defaultValue = "LAST_DAY_OF_THE_FOLLOWING_YEAR")
    MourningLeave.Deadline mourningDeadline;

    @ConfigProperty(name = "caisse.benefits.maternity-vouchers", defaultValue = "105")
    int maternityVouchers;

    /** The typed input of a claim (kept as JSON with it). */
    public record Details(List<LocalDate> fullDays, List<LocalDate> halfDays, Integer months, YearMonth firstMonth,
                          CarerLeave.Extent extent, Boolean familyCharge, BridgingRight.Ground ground, BridgingRight.Cause cause,
                          Set<BridgingRight.EconomicCondition> economicConditions, String iban, String postalCode,
                          LocalDate interruptionEnd, YearMonth resumedActivity, Boolean vouchersInstead) {
        public static Details none() {
            return new Details(List.of(), List.of(), null, null, null, null, null, null, Set.of(), null, null, null, null, null);
        }
    }

    public enum Origin { FUND, MEMBER, AGENT }

    /** What the domain assessed, stored with the decision: facts, parameters, amount rows used. */
    public record Stored(Assessment.Facts facts, Assessment.Parameters parameters, List<EffectiveAmount> amounts) {
    }

    Assessment.Parameters parameters() {
        return new Assessment.Parameters(new BridgingRight.ContributionCondition(bridgingQuartersRequired, bridgingQuartersWindow),
                bridgingDeadlineQuarters, mourningDeadline, maternityVouchers, additionalRight());
    }

    /** The additional bridging-right table as an admin filled it (empty until then). */
    public BridgingRight.AdditionalRight additionalRight() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT quarters, months FROM bridging_additional_right ORDER BY quarters").getResultList();
        return new BridgingRight.AdditionalRight(rows.stream()
                .map(r -> new BridgingRight.AdditionalRight.Step(((Number) r[0]).intValue(), ((Number) r[1]).intValue())).toList());
    }

    /** Replaces the additional bridging-right table (admin); used at once by every new decision. */
    @Transactional
    public BridgingRight.AdditionalRight replaceAdditionalRight(List<BridgingRight.AdditionalRight.Step> steps, String source, String by) {
        em.createNativeQuery("DELETE FROM bridging_additional_right").executeUpdate();
        for (BridgingRight.AdditionalRight.Step step : steps) {
            em.createNativeQuery("INSERT INTO bridging_additional_right (quarters, months, source, changed_by, changed_at) "
                            + "VALUES (:q, :m, :s, :by, :at)")
                    .setParameter("q", step.quarters()).setParameter("m", step.months()).setParameter("s", source)
                    .setParameter("by", by).setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        }
        return additionalRight();
    }

    /** The fund opens a claim by itself (once per fact: the source event names it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClaimEntity propose(String niss, BenefitType type, LocalDate fact, String sourceEvent, Details details) {
        ClaimEntity existing = ClaimEntity.find("sourceEvent", sourceEvent).firstResult();
        if (existing != null) {
            return existing;
        }
        ClaimEntity c = create(niss, type, fact, details, "system:fund", Origin.FUND, ClaimStatus.PROPOSED);
        c.sourceEvent = sourceEvent;
        c.clockStart = fact; // an examination on the fund's own initiative: the clock starts at the fact (art. 10)
        c.missing = missingForProposal(c);
        c.persist();
        trail(c, null, ClaimStatus.PROPOSED, "system:fund", Text.of("claim.proposed").encode());
        return c;
    }

    /**
     * What a proposal lacks to be granted as the fund sees it now (the days or months the member will choose are not
     * there yet: only the conditions on her situation are checked).
     */
    public String missingForProposal(ClaimEntity c) {
        try {
            Assessment.Result pre = assess(c, LocalDate.now(clock)).result();
            return pre.granted() ? null : String.join(",", pre.refusals());
        } catch (be.caisse.common.domain.RuleViolation waitingForTheMembersChoice) {
            Assessment.Facts f = facts(c);
            List<String> missing = switch (BenefitType.valueOf(c.type)) {
                case BIRTH_LEAVE, MOURNING_LEAVE, CARER_LEAVE, MATERNITY_VOUCHERS ->
                        Eligibility.missing(f.situation(), Quarter.of(f.factDate()));
                default -> List.of();
            };
            return missing.isEmpty() ? null : String.join(",", missing);
        }
    }

    /** A member (or an agent for her) files a claim, or confirms the one the fund proposed for the same fact. */
    @Transactional
    public ClaimEntity file(String niss, BenefitType type, LocalDate fact, Details details, String by, Origin origin) {
        LocalDate today = LocalDate.now(clock);
        ClaimEntity proposed = ClaimEntity.find("niss = ?1 and type = ?2 and factDate = ?3 and status = ?4", niss, type.name(), fact,
                ClaimStatus.PROPOSED.name()).firstResult();
        if (proposed != null) {
            proposed.details = write(details);
            proposed.filedOn = today;
            move(proposed, ClaimStatus.FILED, by, origin == Origin.MEMBER ? "confirmed by the member" : "confirmed by an agent for the member");
            return proposed;
        }
        ClaimEntity open = ClaimEntity.find("niss = ?1 and type = ?2 and factDate = ?3 and status not in ('WITHDRAWN', 'EXPIRED')",
                niss, type.name(), fact).firstResult();
        if (open != null) {
            throw DomainProblem.conflict("claim-exists", open.reference);
        }
        ClaimEntity c = create(niss, type, fact, details, by, origin, ClaimStatus.FILED);
        c.filedOn = today;
        c.clockStart = today; // the request's receipt
        c.persist();
        trail(c, null, ClaimStatus.FILED, by, null);
        return c;
    }

    private ClaimEntity create(String niss, BenefitType type, LocalDate fact, Details details, String by, Origin origin, ClaimStatus status) {
        ClaimEntity c = new ClaimEntity();
        c.id = Uuids.timeOrdered();
        long seq = ((Number) em.createNativeQuery("SELECT nextval('claim_reference_seq')").getSingleResult()).longValue();
        c.reference = String.format("BEN-%d-%06d", LocalDate.now(clock).getYear(), seq);
        c.niss = niss;
        c.type = type.name();
        c.status = status.name();
        c.origin = origin.name();
        c.factDate = fact;
        c.details = write(details);
        c.createdBy = by;
        c.createdAt = OffsetDateTime.now(clock);
        c.updatedAt = c.createdAt;
        return c;
    }

    @Transactional
    public ClaimEntity requestInformation(UUID id, String question, String by) {
        ClaimEntity c = require(id);
        move(c, ClaimStatus.INFORMATION_REQUESTED, by, question);
        InformationRequestEntity r = new InformationRequestEntity();
        r.id = Uuids.timeOrdered();
        r.claimId = id;
        r.question = question;
        r.requestedBy = by;
        r.requestedOn = LocalDate.now(clock);
        r.persist();
        return c;
    }

    /** The answer came: the days waited are added to the decision deadline (art. 11) and the claim goes on. */
    @Transactional
    public ClaimEntity informationReceived(UUID id, String answer, String by) {
        ClaimEntity c = require(id);
        InformationRequestEntity open = InformationRequestEntity.find("claimId = ?1 and answeredOn is null order by requestedOn desc", id).firstResult();
        if (open == null || !ClaimStatus.INFORMATION_REQUESTED.name().equals(c.status)) {
            throw DomainProblem.conflict("claim-no-information-requested", c.reference);
        }
        LocalDate today = LocalDate.now(clock);
        open.answeredOn = today;
        open.answer = answer;
        c.daysSuspended += (int) be.caisse.benefits.domain.CharterClock.suspendedDays(open.requestedOn, today);
        move(c, ClaimStatus.FILED, by, answer);
        return c;
    }

    /** The member did not answer: a reminder, after which (one month later) the fund may decide on what it has (art. 11). */
    @Transactional
    public ClaimEntity remind(UUID id, String by) {
        ClaimEntity c = require(id);
        InformationRequestEntity open = InformationRequestEntity.find("claimId = ?1 and answeredOn is null order by requestedOn desc", id).firstResult();
        if (open == null || !ClaimStatus.INFORMATION_REQUESTED.name().equals(c.status)) {
            throw DomainProblem.conflict("claim-no-information-requested", c.reference);
        }
        if (open.remindedOn == null) {
            open.remindedOn = LocalDate.now(clock);
            trail(c, ClaimStatus.INFORMATION_REQUESTED, ClaimStatus.INFORMATION_REQUESTED, by, "reminder");
        }
        return c;
    }

    /** An agent prepares the decision: the rules applied to the facts as they stand today. */
    @Transactional
    public ClaimEntity prepare(UUID id, String by) {
        ClaimEntity c = require(id);
        ClaimStatus status = ClaimStatus.valueOf(c.status);
        if (status != ClaimStatus.FILED && status != ClaimStatus.INFORMATION_REQUESTED) {
            throw DomainProblem.conflict("claim-not-preparable", c.reference, c.status);
        }
        if (status == ClaimStatus.INFORMATION_REQUESTED) {
            // deciding without the answer only after a reminder and a month of silence; the wait is not counted
            InformationRequestEntity open = InformationRequestEntity.find("claimId = ?1 and answeredOn is null order by requestedOn desc", id).firstResult();
            LocalDate today = LocalDate.now(clock);
            if (open != null && (open.remindedOn == null
                    || today.isBefore(be.caisse.benefits.domain.CharterClock.decideWithoutAnswerFrom(open.remindedOn)))) {
                throw DomainProblem.conflict("claim-waiting-for-information", c.reference,
                        open.remindedOn == null ? "-" : be.caisse.benefits.domain.CharterClock.decideWithoutAnswerFrom(open.remindedOn));
            }
            if (open != null) {
                c.daysSuspended += (int) be.caisse.benefits.domain.CharterClock.suspendedDays(open.requestedOn, today);
            }
        }
        Assessed a = assess(c, LocalDate.now(clock));
        ClaimDecisionEntity d = ClaimDecisionEntity.findById(id);
        if (d == null) {
            d = new ClaimDecisionEntity();
            d.claimId = id;
        }
        fill(d, a);
        d.persist();
        c.preparedBy = by;
        c.preparedAt = OffsetDateTime.now(clock);
        move(c, ClaimStatus.PREPARED, by, null);
        return c;
    }

    /**
     * A supervisor approves (or sends back) the prepared decision: never the one who prepared it. The facts are read
     * again; if the decision would now be different, it is not approved (409) and goes back to be prepared again.
     */
    @Inject
    BenefitDocuments documents;

    @Inject
    be.caisse.common.partner.PartnerEvents partners;

    /**
     * Data of {@value #KEPT_RIGHTS}: a bridging right granted with these quarters of kept social rights (maintien des
     * droits sociaux, REFERENCE.md §3.2), so that the insurer keeps the member's health-care rights. Nothing else of
     * the decision.
     */
    public record KeptRights(String niss, String benefit, List<String> quarters, LocalDate decidedOn) {
    }

    @Transactional(dontRollbackOn = DomainProblem.class)
    public ClaimEntity approve(UUID id, boolean approve, String note, String by) {
        ClaimEntity c = require(id);
        KnownPerson member = KnownPerson.findById(c.niss);
        // the decision's mentions are written in the member's language (fr/nl/de), whoever approves it
        String language = member == null || member.language == null ? "fr" : member.language;
        if (!ClaimStatus.PREPARED.name().equals(c.status)) {
            throw DomainProblem.conflict("claim-not-prepared", c.reference, c.status);
        }
        if (by.equals(c.preparedBy)) {
            throw new DomainProblem(403, "claim-four-eyes");
        }
        ClaimDecisionEntity d = ClaimDecisionEntity.findById(id);
        if (!approve) {
            move(c, ClaimStatus.FILED, by, note == null ? "sent back" : note);
            return c;
        }
        LocalDate today = LocalDate.now(clock);
        Assessed now = assess(c, today);
        if (!now.result().outcome().name().equals(d.outcome) || now.result().total().compareTo(d.total) != 0
                || now.result().units() != d.units) {
            fill(d, now);
            move(c, ClaimStatus.FILED, by, "the facts changed since the decision was prepared: to prepare again");
            throw DomainProblem.conflict("claim-decision-changed", c.reference);
        }
        BeneficiaryEntity b = BeneficiaryEntity.findById(c.niss);
        Details details = read(c.details);
        String postal = details.postalCode() != null ? details.postalCode() : b == null ? null : b.postalCode;
        AppealMentions.Mentions m = AppealMentions.of(amounts.courts(), postal, language, today, c.reference, SERVICE);
        d.mentions = m.texts().stream().map(Text::encode).collect(Collectors.joining("\n"));
        d.court = m.court() == null ? null : m.court() + ", " + m.courtAddress();
        d.appealBy = m.appealBy();
        c.decidedBy = by;
        c.decidedAt = OffsetDateTime.now(clock);
        c.notifiedOn = today;
        move(c, ClaimStatus.DECIDED, by, note);
        if (!DecisionOutcome.REFUSED.name().equals(d.outcome)) {
            payments.schedule(c, d, details.iban());
        }
        events.publish(TOPIC, DECIDED, c.niss, c.id.toString(), new Decided(c.id, c.reference, c.niss, c.type, d.outcome, d.total,
                d.units, d.unit, d.exempted == null || d.exempted.isBlank() ? List.of() : List.of(d.exempted.split(",")), today,
                be.caisse.benefits.domain.CharterClock.paymentDue(today)));
        if (BenefitType.BRIDGING_RIGHT.name().equals(c.type) && !DecisionOutcome.REFUSED.name().equals(d.outcome)) {
            keepRights(c, now.result(), today);
        }
        if ("VOUCHERS".equals(d.unit) && !DecisionOutcome.REFUSED.name().equals(d.outcome)) {
            // the vouchers are not paid by the fund: the issuer delivers them to the member on this request
            events.publish(TOPIC, VOUCHERS_REQUESTED, c.niss, c.id + "/vouchers", new VouchersRequested(c.id, c.reference, c.niss,
                    member == null ? null : member.firstName, member == null ? null : member.lastName, c.type, d.units, today));
        }
        // the notified decision, as the member reads it (PDF/A in her language, with the art. 14 block)
        documents.decision(c, d, null);
        return c;
    }

    /** The quarters of kept social rights of a bridging right, kept here and told to the member's insurer. */
    private void keepRights(ClaimEntity c, be.caisse.benefits.domain.Assessment.Result result, LocalDate today) {
        int used = ((Number) em.createNativeQuery("SELECT count(*) FROM kept_rights_quarter WHERE niss = :n")
                .setParameter("n", c.niss).getSingleResult()).intValue();
        List<java.time.YearMonth> months = result.payments().stream().map(p -> java.time.YearMonth.parse(p.period())).toList();
        List<be.caisse.common.time.Quarter> kept = be.caisse.benefits.domain.BridgingRight.keptRightsQuarters(months, used);
        List<String> granted = new java.util.ArrayList<>();
        for (be.caisse.common.time.Quarter q : kept) {
            granted.addAll(em.createNativeQuery("INSERT INTO kept_rights_quarter (niss, quarter, claim_id, granted_on) "
                            + "VALUES (:n, :q, :c, :d) ON CONFLICT DO NOTHING RETURNING quarter")
                    .setParameter("n", c.niss).setParameter("q", q.toString()).setParameter("c", c.id).setParameter("d", today)
                    .getResultList().stream().map(Object::toString).toList());
        }
        if (!granted.isEmpty()) {
            partners.publish(c.niss, KEPT_RIGHTS, c.id + "/kept-rights", new KeptRights(c.niss, c.type, granted, today));
        }
    }

    /** The request to the service-voucher issuer: who, how many, for which decision. */
    public record VouchersRequested(UUID claimId, String reference, String niss, String firstName, String lastName, String type,
                                    int vouchers, LocalDate requestedOn) {
    }

    @Transactional
    public ClaimEntity withdraw(UUID id, String reason, String by) {
        ClaimEntity c = require(id);
        move(c, ClaimStatus.WITHDRAWN, by, reason);
        return c;
    }

    public record Decided(UUID claimId, String reference, String niss, String type, String outcome, BigDecimal total, int units,
                          String unit, List<String> exemptedQuarters, LocalDate notifiedOn, LocalDate paymentDue) {
    }

    public record Transitioned(UUID claimId, String reference, String niss, String type, String from, String to, String by,
                               OffsetDateTime at) {
    }

    /** Moves a claim as its life cycle allows, kept in the trail and published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(ClaimEntity c, ClaimStatus to, String by, String note) {
        ClaimStatus from = ClaimStatus.valueOf(c.status);
        if (!from.canBecome(to)) {
            throw DomainProblem.conflict("claim-move-refused", c.reference, from.name(), to.name());
        }
        c.status = to.name();
        c.updatedAt = OffsetDateTime.now(clock);
        trail(c, from, to, by, note);
    }

    /** A note in the claim's trail that does not move it (a revision prepared, an undue amount settled). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(ClaimEntity c, String by, String note) {
        ClaimStatus s = ClaimStatus.valueOf(c.status);
        trail(c, s, s, by, note);
    }

    private void trail(ClaimEntity c, ClaimStatus from, ClaimStatus to, String by, String note) {
        ClaimTrailEntity t = new ClaimTrailEntity();
        t.claimId = c.id;
        t.from = from == null ? null : from.name();
        t.to = to.name();
        t.by = by;
        t.at = OffsetDateTime.now(clock);
        t.note = note;
        t.persist();
        events.publish(TOPIC, TRANSITIONED, c.niss, c.id.toString(), new Transitioned(c.id, c.reference, c.niss, c.type,
                t.from, t.to, by, t.at));
    }

    public static ClaimEntity require(UUID id) {
        ClaimEntity c = ClaimEntity.findById(id);
        if (c == null) {
            throw DomainProblem.notFound("claim");
        }
        return c;
    }

    /** An assessment and what it was made from. */
    public record Assessed(Assessment.Result result, Stored stored) {
    }

    Assessed assess(ClaimEntity c, LocalDate today) {
        return assess(c, read(c.details), today);
    }

    /** The claim assessed with other details than its own (a revision's corrected facts). */
    Assessed assess(ClaimEntity c, Details details, LocalDate today) {
        Assessment.Facts facts = facts(c, details);
        Assessment.Parameters p = parameters();
        var table = amounts.table();
        Assessment.Result r = Assessment.assess(facts, table, p);
        List<EffectiveAmount> used = new ArrayList<>();
        r.payments().forEach(pay -> {
            if (pay.row() != null && !used.contains(pay.row())) {
                used.add(pay.row());
            }
        });
        return new Assessed(r, new Stored(facts, p, used));
    }

    /** The facts the decision sees: the claim's input and what the fund knows of the member today. */
    Assessment.Facts facts(ClaimEntity c) {
        return facts(c, read(c.details));
    }

    private Assessment.Facts facts(ClaimEntity c, Details d) {
        KnownAffiliation a = KnownAffiliation.findById(c.niss);
        BeneficiaryEntity b = BeneficiaryEntity.findById(c.niss);
        Set<Quarter> subject = new HashSet<>();
        if (a != null) {
            LocalDate until = a.liableUntil != null ? a.liableUntil : c.factDate.plusMonths(3);
            for (Quarter q = Quarter.of(a.liableFrom); !q.firstDay().isAfter(until); q = q.next()) {
                subject.add(q);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> paidRows = em.createNativeQuery("SELECT quarter FROM paid_quarter WHERE niss = :n").setParameter("n", c.niss).getResultList();
        Set<Quarter> paid = paidRows.stream().map(Quarter::parse).collect(Collectors.toSet());
        String sex = b != null && b.sex != null ? b.sex : switch (Niss.parse(c.niss).sex()) {
            case FEMALE -> "F";
            case MALE -> "M";
            default -> null;
        };
        int monthsUsed = usedBefore(c, "units", "MONTHS");
        int quartersExempted = exemptedBefore(c);
        return new Assessment.Facts(BenefitType.valueOf(c.type), c.factDate, c.filedOn == null ? c.factDate : c.filedOn,
                new Eligibility.Situation(a == null ? null : a.category, false, subject, paid), sex,
                Boolean.TRUE.equals(d.familyCharge()), d.months(), d.firstMonth(), d.extent(),
                d.fullDays() == null ? List.of() : d.fullDays(), d.halfDays() == null ? List.of() : d.halfDays(),
                monthsUsed, quartersExempted, d.ground(), d.cause(),
                d.economicConditions() == null ? Set.of() : d.economicConditions(), paid, d.interruptionEnd(), d.resumedActivity(),
                quartersSincePreviousFact(c, paid), Boolean.TRUE.equals(d.vouchersInstead()));
    }

    /** Pension-building (paid) quarters between the previous bridging-right fact granted and this one; none without one. */
    private Integer quartersSincePreviousFact(ClaimEntity c, Set<Quarter> paid) {
        if (!BenefitType.BRIDGING_RIGHT.name().equals(c.type)) {
            return null;
        }
        ClaimEntity previous = ClaimEntity.find("niss = ?1 and type = ?2 and id <> ?3 and factDate < ?4 and status in ('DECIDED', 'PAID', 'CLOSED') "
                + "order by factDate desc", c.niss, c.type, c.id, c.factDate).firstResult();
        if (previous == null) {
            return null;
        }
        Quarter from = Quarter.of(previous.factDate);
        Quarter to = Quarter.of(c.factDate);
        return (int) paid.stream().filter(q -> q.compareTo(from) > 0 && q.compareTo(to) < 0).count();
    }

    /** Months already granted to this member for the same benefit (bridging right, carer leave: counted over the career). */
    private int usedBefore(ClaimEntity c, String column, String unit) {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(SUM(d.units), 0) FROM claim_decision d JOIN claim k ON k.id = d.claim_id "
                        + "WHERE k.niss = :n AND k.type = :t AND k.id <> :id AND k.status IN ('DECIDED', 'PAID', 'CLOSED') AND d.unit = :u "
                        + "AND d.outcome <> 'REFUSED'")
                .setParameter("n", c.niss).setParameter("t", c.type).setParameter("id", c.id).setParameter("u", unit).getSingleResult();
        return n.intValue();
    }

    private int exemptedBefore(ClaimEntity c) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT d.exempted FROM claim_decision d JOIN claim k ON k.id = d.claim_id "
                        + "WHERE k.niss = :n AND k.type = 'CARER_LEAVE' AND k.id <> :id AND k.status IN ('DECIDED', 'PAID', 'CLOSED') "
                        + "AND d.exempted IS NOT NULL AND d.exempted <> ''")
                .setParameter("n", c.niss).setParameter("id", c.id).getResultList();
        return rows.stream().mapToInt(r -> r.split(",").length).sum();
    }

    void fill(ClaimDecisionEntity d, Assessed a) {
        Assessment.Result r = a.result();
        d.outcome = r.outcome().name();
        d.total = r.total();
        d.units = r.units();
        d.unit = r.unit();
        d.facts = write(a.stored().facts());
        d.parameters = write(a.stored().parameters());
        d.amounts = write(a.stored().amounts());
        d.payments = write(r.payments());
        d.exempted = r.exemptedQuarters().stream().map(Quarter::toString).collect(Collectors.joining(","));
        d.refusals = String.join(",", r.refusals());
        d.motivation = r.motivation().stream().map(Text::encode).collect(Collectors.joining("\n"));
        d.computedAt = OffsetDateTime.now(clock);
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Details read(String stored) {
        try {
            return json.readValue(stored, Details.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A claim's details could not be read", e);
        }
    }

    public static List<Text> texts(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(encoded.split("\n")).map(Text::decode).toList();
    }

    /** The person's name for the views (from the shared person projection). */
    public static KnownPerson person(String niss) {
        return KnownPerson.findById(niss);
    }
}
