package be.caisse.contribution.application;

import be.caisse.common.identifiers.StructuredCommunication;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
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
 * recovery-service starts from. Runs every night and on demand; a quarter is reported once.
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

    @Scheduled(cron = "${caisse.contribution.overdue.cron:0 30 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int found = detect();
        if (found > 0) {
            LOG.infof("%d quarter(s) found overdue", found);
        }
    }

    /** @return how many quarters were newly found overdue */
    @Transactional
    public int detect() {
        // one replica at a time (the others find the lock taken and do nothing)
        if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.OVERDUE_CHECK)) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        // what was due by then (a regularisation due later does not count yet) against everything paid on the quarter
        List<Object[]> rows = em.createNativeQuery("SELECT q.id, q.niss, q.quarter, q.due_date, "
                        + "COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL AND l.due_date < :today), 0), "
                        + "-COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NULL), 0), q.structured_communication "
                        + "FROM contribution_quarter q JOIN ledger_entry l ON l.account = q.niss AND l.period = q.quarter "
                        + "AND l.component = 'PRINCIPAL' "
                        + "WHERE q.due_date < :today AND q.overdue_at IS NULL AND q.cancelled_at IS NULL GROUP BY q.id "
                        + "HAVING COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NOT NULL AND l.due_date < :today), 0) "
                        + "+ COALESCE(SUM(l.amount) FILTER (WHERE l.due_date IS NULL), 0) > 0")
                .setParameter("today", today).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Object[] r : rows) {
            String niss = (String) r[1];
            BigDecimal total = ((BigDecimal) r[4]).setScale(2);
            BigDecimal paid = ((BigDecimal) r[5]).setScale(2);
            LocalDate due = r[3] instanceof Date d ? d.toLocalDate() : (LocalDate) r[3];
            events.publish(ContributionEvents.TOPIC, ContributionEvents.OVERDUE, niss, niss + "/" + r[2],
                    new ContributionEvents.Overdue(niss, (String) r[2], due, total, paid, total.subtract(paid),
                            StructuredCommunication.parse((String) r[6]).formatted()));
            em.createNativeQuery("UPDATE contribution_quarter SET overdue_at = :now WHERE id = :id")
                    .setParameter("now", now).setParameter("id", (UUID) r[0]).executeUpdate();
        }
        return rows.size();
    }
}
