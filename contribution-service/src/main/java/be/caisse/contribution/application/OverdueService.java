package be.caisse.contribution.application;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.ContributorCategory;
import be.caisse.contribution.domain.ProvisionalContribution;
import be.caisse.contribution.messaging.ContributionEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds the quarters still not fully paid after their due date (contributions are due when credited to the fund's
 * account by the last day of the quarter, REFERENCE.md §2.8) and publishes one overdue event for each: the event
 * recovery-service starts from. Runs every night and on demand; a quarter is reported once, and again only when
 * more of it fell due (a regularisation supplement); a company contribution once, with its directors.
 */
@ApplicationScoped
public class OverdueService {
    private static final Logger LOG = Logger.getLogger(OverdueService.class);

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    ParameterRepository parameters;

    @Inject
    CompanyContributionService companies;

    @Scheduled(cron = "${caisse.contribution.overdue.cron:0 30 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int found = detect();
        if (found > 0) {
            LOG.infof("%d quarter(s) found overdue", found);
        }
    }

    /** @return how many quarters (and company contributions) were found overdue, or overdue for more than reported */
    @Transactional
    public int detect() {
        // one replica at a time (the others find the lock taken and do nothing)
        if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.OVERDUE_CHECK)) {
            return 0;
        }
        return persons() + companies();
    }

    private int persons() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        // what was due by then (a regularisation due later does not count yet) against everything paid on the quarter;
        // a quarter already reported comes back only when something more fell due since (a regularisation supplement)
        List<Object[]> rows = em.createNativeQuery("SELECT q.id, q.niss, q.quarter, q.due_date, "
                        + "COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL AND l.due_date < :today), 0), "
                        + "-COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NULL), 0), q.structured_communication, "
                        + "COALESCE(SUM(l.amount) FILTER (WHERE l.kind = 'REGULARISATION' AND l.due_date < :today), 0), "
                        + "q.basis_category, q.basis_income, q.basis_parameter_year, q.regularised_at IS NULL "
                        + "FROM contribution_quarter q JOIN ledger_entry l ON l.account = q.niss AND l.period = q.quarter "
                        + "AND l.component = 'PRINCIPAL' "
                        + "WHERE q.due_date < :today AND q.cancelled_at IS NULL AND (q.overdue_at IS NULL OR EXISTS (SELECT 1 FROM ledger_entry n "
                        + "WHERE n.account = q.niss AND n.period = q.quarter AND n.component = 'PRINCIPAL' AND n.amount > 0 "
                        + "AND n.due_date >= CAST(q.overdue_at AS DATE) AND n.due_date < :today)) GROUP BY q.id "
                        + "HAVING COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL AND l.due_date < :today), 0) "
                        + "+ COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NULL), 0) > 0 "
                        + "AND COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL AND l.due_date < :today), 0) > COALESCE(q.overdue_due, 0)")
                .setParameter("today", today).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Object[] r : rows) {
            String niss = (String) r[1];
            String quarter = (String) r[2];
            BigDecimal total = ((BigDecimal) r[4]).setScale(2);
            BigDecimal paid = ((BigDecimal) r[5]).setScale(2);
            LocalDate due = day(r[3]);
            Integer startYear = ((BigDecimal) r[7]).signum() > 0 ? startYear(niss, Quarter.parse(quarter)) : null;
            boolean reducible = Boolean.TRUE.equals(r[11]) && r[8] != null && parameters.table().forYear(((Number) r[10]).intValue())
                    .map(p -> ProvisionalContribution.reducible(ContributorCategory.valueOf((String) r[8]), (BigDecimal) r[9], p)).orElse(false);
            events.publish(ContributionEvents.TOPIC, ContributionEvents.OVERDUE, niss, niss + "/" + quarter,
                    new ContributionEvents.Overdue(niss, quarter, due, total, paid, total.subtract(paid),
                            StructuredCommunication.parse((String) r[6]).formatted(), startYear, reducible));
            em.createNativeQuery("UPDATE contribution_quarter SET overdue_at = :now, overdue_due = :due WHERE id = :id")
                    .setParameter("now", now).setParameter("due", total).setParameter("id", (UUID) r[0]).executeUpdate();
        }
        return rows.size();
    }

    /**
     * The year the activity started or resumed, when the quarter is one of that start's years (§2.5): its
     * regularisation supplement prescribes on 1 January of the 8th year after it (§5.1). Null otherwise.
     */
    private Integer startYear(String niss, Quarter quarter) {
        Object start = em.createNativeQuery("SELECT max(starts_on) FROM liability_period WHERE niss = :n AND starts_on <= :last")
                .setParameter("n", niss).setParameter("last", quarter.lastDay()).getSingleResult();
        if (start == null) {
            return null;
        }
        LocalDate from = day(start);
        return ProvisionalContribution.isStarterYear(quarter.year(), from) ? from.getYear() : null;
    }

    /** Company contributions unpaid after their due date (one due date each: reported once), directors named. */
    private int companies() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT k.id, k.enterprise_number, k.year, k.due_date, "
                        + "COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL), 0), -COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NULL), 0), "
                        + "k.structured_communication FROM company_contribution k JOIN ledger_entry l ON l.account = k.enterprise_number "
                        + "AND l.period = CAST(k.year AS VARCHAR) AND l.component = 'PRINCIPAL' "
                        + "WHERE k.due_date < :today AND k.overdue_at IS NULL AND k.cancelled_at IS NULL GROUP BY k.id "
                        + "HAVING COALESCE(SUM(l.amount), 0) > 0")
                .setParameter("today", today).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Object[] r : rows) {
            String kbo = (String) r[1];
            int year = ((Number) r[2]).intValue();
            BigDecimal total = ((BigDecimal) r[4]).setScale(2);
            BigDecimal paid = ((BigDecimal) r[5]).setScale(2);
            events.publish(ContributionEvents.TOPIC, ContributionEvents.COMPANY_CONTRIBUTION_OVERDUE, kbo, kbo + "/" + year,
                    new ContributionEvents.CompanyContributionOverdue(kbo, year, day(r[3]), total, paid, total.subtract(paid),
                            StructuredCommunication.parse((String) r[6]).formatted(), companies.jointlyLiable(kbo, year)));
            em.createNativeQuery("UPDATE company_contribution SET overdue_at = :now WHERE id = :id")
                    .setParameter("now", now).setParameter("id", (UUID) r[0]).executeUpdate();
        }
        return rows.size();
    }

    private static LocalDate day(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
