package be.caisse.contribution.application;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.CareerQuarter;
import be.caisse.contribution.messaging.ContributionEvents;
import be.caisse.contribution.persistence.ContributionQuarterEntity;
import be.caisse.contribution.persistence.LiabilityPeriodEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The career quarters the fund reports to INASTI: each quarter's status ({@link CareerQuarter}) is kept in
 * {@code career_quarter}, and every change is published — once — on the authority topic
 * ({@value ContributionEvents#AUTHORITY_TOPIC}), in the transaction of the change that caused it (a payment settled,
 * a period of liability changed, an exemption or a dispensation recorded).
 */
@ApplicationScoped
public class CareerQuarters {
    @Inject
    Ledger ledger;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Every year of the account, from its first liable quarter (or earliest known status) to this year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAccount(String niss) {
        Set<Integer> years = new TreeSet<>();
        int now = LocalDate.now(clock).getYear();
        for (LiabilityPeriodEntity p : LiabilityPeriodEntity.of(niss)) {
            int end = p.endsOn == null ? now : Math.min(now, p.endsOn.getYear());
            for (int y = p.startsOn.getYear(); y <= end; y++) {
                years.add(y);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("SELECT DISTINCT substr(quarter, 1, 4) FROM career_quarter WHERE niss = :n")
                .setParameter("n", niss).getResultList();
        known.forEach(y -> years.add(Integer.parseInt(y)));
        refresh(niss, years);
    }

    /** The statuses of these years' quarters, computed again; each one that changed is stored and published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int refresh(String niss, Collection<Integer> years) {
        return years.isEmpty() ? 0 : refresh(niss, years, ledger.balances(niss));
    }

    /** The same, with the account's balances the caller has just read (the ledger after a booking). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int refresh(String niss, Collection<Integer> years, Map<String, Ledger.PeriodBalance> balances) {
        if (years.isEmpty()) {
            return 0;
        }
        List<LiabilityPeriodEntity> periods = LiabilityPeriodEntity.of(niss);
        @SuppressWarnings("unchecked")
        Set<String> assimilated = new HashSet<>(em.createNativeQuery("SELECT quarter FROM exempted_quarter WHERE niss = :n")
                .setParameter("n", niss).getResultList());
        Set<String> dispensed = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<String> granted = em.createNativeQuery("SELECT quarters FROM contribution_request WHERE niss = :n AND type = 'EXEMPTION' "
                + "AND status = 'GRANTED' AND quarters IS NOT NULL").setParameter("n", niss).getResultList();
        granted.forEach(g -> dispensed.addAll(List.of(g.split(","))));
        Set<String> noticed = new HashSet<>();
        ContributionQuarterEntity.ofAccount(niss).stream().filter(q -> q.cancelledAt == null).forEach(q -> noticed.add(q.quarter));
        Map<String, String> stored = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT quarter, status FROM career_quarter WHERE niss = :n").setParameter("n", niss)
                .getResultList();
        rows.forEach(r -> stored.put((String) r[0], (String) r[1]));
        Map<String, CareerQuarter.Status> changed = new LinkedHashMap<>();
        for (int year : new TreeSet<>(years)) {
            for (int n = 1; n <= 4; n++) {
                Quarter q = new Quarter(year, n);
                String key = q.toString();
                boolean liable = periods.stream().anyMatch(p -> p.covers(q.firstDay(), q.lastDay()));
                Ledger.PeriodBalance b = balances.get(key);
                CareerQuarter.Status status = CareerQuarter.of(new CareerQuarter.Facts(liable, assimilated.contains(key),
                        dispensed.contains(key), noticed.contains(key), b != null && b.settled()));
                String before = stored.get(key);
                if (before == null && status == CareerQuarter.Status.NOT_LIABLE) {
                    continue; // nothing to tell of a quarter never liable
                }
                if (!status.name().equals(before)) {
                    changed.put(key, status);
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map.Entry<String, CareerQuarter.Status> c : changed.entrySet()) {
            em.createNativeQuery("INSERT INTO career_quarter (niss, quarter, status, changed_at) VALUES (:n, :q, :s, :t) "
                            + "ON CONFLICT (niss, quarter) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at")
                    .setParameter("n", niss).setParameter("q", c.getKey()).setParameter("s", c.getValue().name()).setParameter("t", now)
                    .executeUpdate();
            events.publish(ContributionEvents.AUTHORITY_TOPIC, ContributionEvents.CAREER_QUARTER, niss, niss + "/" + c.getKey(),
                    new ContributionEvents.CareerQuarterChanged(niss, c.getKey(), c.getValue().name(), stored.get(c.getKey()), today));
        }
        return changed.size();
    }
}
