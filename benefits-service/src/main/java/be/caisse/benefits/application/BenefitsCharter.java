package be.caisse.benefits.application;

import static be.caisse.common.charter.CharterSql.rows;

import be.caisse.benefits.domain.AppealMentions;
import be.caisse.benefits.domain.CharterClock;
import be.caisse.common.charter.CharterSource;
import be.caisse.common.domain.CharterFigure;
import be.caisse.common.i18n.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benefits part of the charter: decisions within 4 months of the request or the fact (Charter of the socially
 * insured art. 10, time waiting for the member's information not counted, art. 11), payments within 4 months of the
 * notification (art. 12), interest of right when late (art. 20), rights granted on the fund's own initiative
 * (charte: « UCM vous octroie les droits de manière automatique chaque fois que c'est possible ») and every refusal
 * and claim of an undue amount with all the mentions of art. 14 — the last must be 100 %. The deadlines are
 * {@link CharterClock}'s, the mentions {@link AppealMentions}'.
 */
@ApplicationScoped
public class BenefitsCharter implements CharterSource {
    private static final String DAY = "CAST(%s AT TIME ZONE 'Europe/Brussels' AS DATE)";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "caisse.charter.share-target", defaultValue = "90")
    BigDecimal shareTarget;

    @Override
    public String service() {
        return "benefits";
    }

    @Override
    public List<CharterFigure> figures(LocalDate from, LocalDate to) {
        long decided = 0, decidedInTime = 0, suspended = 0, granted = 0, grantedByFund = 0;
        for (Object[] r : rows(em, "SELECT COALESCE(c.clock_start, c.filed_on, c.fact_date), c.days_suspended, "
                + "COALESCE(c.notified_on, " + DAY.formatted("c.decided_at") + "), d.outcome, c.origin FROM claim c "
                + "JOIN claim_decision d ON d.claim_id = c.id WHERE c.decided_at IS NOT NULL AND "
                + DAY.formatted("c.decided_at") + " BETWEEN ?1 AND ?2", from, to)) {
            decided++;
            long days = ((Number) r[1]).longValue();
            suspended += days;
            if (!date(r[2]).isAfter(CharterClock.decisionDue(date(r[0]), days))) {
                decidedInTime++;
            }
            if (!"REFUSED".equals(r[3])) {
                granted++;
                if ("FUND".equals(r[4])) {
                    grantedByFund++;
                }
            }
        }
        long paid = 0, paidInTime = 0, late = 0;
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        for (Object[] r : rows(em, "SELECT p.executed_on, p.due_date, c.notified_on, p.interest FROM benefit_payment p "
                + "JOIN claim c ON c.id = p.claim_id WHERE p.executed_on BETWEEN ?1 AND ?2 AND c.notified_on IS NOT NULL", from, to)) {
            paid++;
            LocalDate executed = date(r[0]);
            LocalDate due = date(r[1]);
            LocalDate deadline = CharterClock.paymentDue(date(r[2]));
            // a monthly benefit falling due after the deadline is in time when paid on its own due date
            if (!executed.isAfter(due.isAfter(deadline) ? due : deadline)) {
                paidInTime++;
            }
            BigDecimal i = (BigDecimal) r[3];
            if (i.signum() > 0) {
                late++;
                interest = interest.add(i);
            }
        }
        long refusals = 0, refusalsComplete = 0;
        for (Object[] r : rows(em, "SELECT d.mentions, d.appeal_by FROM claim c JOIN claim_decision d ON d.claim_id = c.id "
                + "WHERE d.outcome = 'REFUSED' AND c.decided_at IS NOT NULL AND " + DAY.formatted("c.decided_at") + " BETWEEN ?1 AND ?2 "
                + "UNION ALL SELECT r.mentions, r.appeal_by FROM claim_revision r WHERE r.status = 'APPROVED' AND r.recoverable > 0 "
                + "AND r.decided_at IS NOT NULL AND " + DAY.formatted("r.decided_at") + " BETWEEN ?1 AND ?2", from, to)) {
            refusals++;
            List<String> keys = ClaimService.texts((String) r[0]).stream().map(Text::key).toList();
            if (AppealMentions.complete(keys, r[1] == null ? null : date(r[1]))) {
                refusalsComplete++;
            }
        }
        String art10 = "Charter of the socially insured art. 10-11: a decision within 4 months of the request or the fact";
        return List.of(
                CharterFigure.share("decisions-within-4-months", art10,
                        "Share of the decisions notified in the period within 4 months of the request (or the fact, on the fund's own "
                                + "initiative), plus the days suspended waiting for the member's information", decidedInTime, decided, shareTarget),
                CharterFigure.share("payments-within-4-months", "Charter of the socially insured art. 12: payment within 4 months of the notification",
                        "Share of the payments executed in the period within 4 months of the decision's notification (or on their own due date when later)",
                        paidInTime, paid, shareTarget),
                CharterFigure.days("days-suspended", "Charter of the socially insured art. 11",
                        "Total of the days the decision clock stood still waiting for the member's information, over the decisions of the period",
                        BigDecimal.valueOf(suspended), decided, null),
                CharterFigure.count("late-interest-payments", "Charter of the socially insured art. 20: interest of right",
                        "Payments executed in the period that carried interest for lateness", late),
                CharterFigure.euros("late-interest-paid", "Charter of the socially insured art. 20: interest of right",
                        "Interest for lateness paid in the period (euros)", interest, late),
                CharterFigure.share("rights-granted-automatically", "UCM vous octroie les droits de manière automatique chaque fois que c'est possible (charte)",
                        "Share of the rights granted in the period that the fund proposed itself (octroyés automatiquement)",
                        grantedByFund, granted, null),
                CharterFigure.full("refusals-with-all-mentions", "Charter of the socially insured art. 14; charte: « motivée clairement et contient les "
                                + "informations sur les possibilités de recours »",
                        "Share of the refusals and claims of an undue amount decided in the period that carry every art. 14 mention (competent "
                                + "court and address, deadline, how to appeal, Judicial Code art. 728 and 1017, file reference, where to get explanations)",
                        refusalsComplete, refusals));
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
