package be.caisse.contribution.application;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionAccountEntity;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The yearly contribution slip (bijdragebon, REFERENCE.md §6): once every quarter of a year in which the person was
 * liable has its notice and is paid, the partner mutualities are told — once — so that the year's health-care
 * rights open. Published on its own topic with only the NISS, the year and the quarters.
 */
@ApplicationScoped
public class ContributionSlips {
    @Inject
    Ledger ledger;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issueIfPaid(String niss, int year) {
        if (ContributionAccountEntity.findById(niss) == null
                || em.createNativeQuery("SELECT 1 FROM contribution_slip WHERE niss = :n AND year = :y")
                .setParameter("n", niss).setParameter("y", year).getResultList().size() > 0) {
            return false;
        }
        List<String> liable = LiabilityPeriodEntity.liableQuarters(niss, year).stream().map(Quarter::toString).toList();
        if (liable.isEmpty()) {
            return false;
        }
        Map<String, Ledger.PeriodBalance> balances = ledger.balances(niss);
        for (String q : liable) {
            ContributionQuarterEntity notice = ContributionQuarterEntity.find("niss = ?1 and quarter = ?2 and cancelledAt is null", niss, q).firstResult();
            Ledger.PeriodBalance b = balances.get(q);
            if (notice == null || b == null || !b.settled()) {
                return false;
            }
        }
        LocalDate today = LocalDate.now(clock);
        em.createNativeQuery("INSERT INTO contribution_slip (niss, year, issued_at) VALUES (:n, :y, :t)")
                .setParameter("n", niss).setParameter("y", year).setParameter("t", OffsetDateTime.now(clock)).executeUpdate();
        events.publish(ContributionEvents.PARTNER_TOPIC, ContributionEvents.CONTRIBUTION_SLIP, niss, niss + "/" + year,
                new ContributionEvents.ContributionSlip(niss, year, liable, today));
        return true;
    }
}
