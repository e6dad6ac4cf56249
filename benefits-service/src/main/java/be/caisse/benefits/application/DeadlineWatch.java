package be.caisse.benefits.application;

import be.caisse.benefits.domain.CharterClock;
import be.caisse.benefits.domain.ClaimStatus;
import be.caisse.benefits.persistence.ClaimEntity;
import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Charter's clocks, watched every night: a claim whose decision (4 months, art. 10, plus the days suspended) or
 * payment (4 months from the notification) is due within the margin is flagged at risk, one past it breached —
 * each once, with an event, so that a supervisor's queue and the fund's reporting see them.
 */
@ApplicationScoped
public class DeadlineWatch {
    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    public static final String FLAGGED = "be.caisse.benefits.claim-deadline-flagged.v1";

    @Inject
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @ConfigProperty(name = "caisse.benefits.clock.at-risk-days", defaultValue = "14")
    int atRiskDays;

    public record Flagged(UUID claimId, String reference, String niss, String type, String deadline, String standing, LocalDate due,
                          long daysLeft) {
    }

    @Scheduled(cron = "${caisse.benefits.deadlines.cron:0 20 1 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int flagged = check();
        if (flagged > 0) {
            LOG.infof("%d claim deadline(s) flagged", flagged);
        }
    }

    /** @return how many claims were newly flagged */
    @Transactional
    public int check() {
        if (!AdvisoryLocks.tryForTransaction(em, AdvisoryLocks.BENEFIT_DEADLINE_WATCH)) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        int flagged = 0;
        List<ClaimEntity> open = ClaimEntity.list("status in ?1", List.of(ClaimStatus.PROPOSED.name(), ClaimStatus.FILED.name(),
                ClaimStatus.INFORMATION_REQUESTED.name(), ClaimStatus.PREPARED.name(), ClaimStatus.DECIDED.name()));
        for (ClaimEntity c : open) {
            boolean decided = ClaimStatus.DECIDED.name().equals(c.status);
            LocalDate due = decided ? (c.notifiedOn == null ? null : CharterClock.paymentDue(c.notifiedOn))
                    : c.clockStart == null ? null : CharterClock.decisionDue(c.clockStart, c.daysSuspended);
            if (due == null || ClaimStatus.INFORMATION_REQUESTED.name().equals(c.status)) {
                continue; // waiting for the member: the decision clock stands still (art. 11)
            }
            CharterClock.Standing standing = CharterClock.standing(due, today, atRiskDays);
            if (standing == CharterClock.Standing.ON_TIME) {
                continue;
            }
            String deadline = decided ? "PAYMENT" : "DECISION";
            int inserted = em.createNativeQuery("INSERT INTO claim_deadline_flag (claim_id, deadline, standing, due, flagged_at) "
                            + "VALUES (:c, :d, :s, :due, :at) ON CONFLICT DO NOTHING")
                    .setParameter("c", c.id).setParameter("d", deadline).setParameter("s", standing.name()).setParameter("due", due)
                    .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
            if (inserted == 1) {
                flagged++;
                events.publish(ClaimService.TOPIC, FLAGGED, c.niss, c.id.toString(), new Flagged(c.id, c.reference, c.niss, c.type,
                        deadline, standing.name(), due, CharterClock.daysLeft(due, today)));
            }
        }
        return flagged;
    }
}
