package be.caisse.contribution.application;

import be.caisse.common.partner.PartnerEvents;
import be.caisse.common.time.Quarter;
import be.caisse.contribution.domain.YearPaymentStatus;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The yearly contribution slip (bijdragebon, REFERENCE.md §6): once every quarter of a year in which the person was
 * liable has its notice and is paid (or is exempted with the rights kept), the member's insurer is told — once — so
 * that the year's health-care rights open. Each settlement of a quarter also tells it where the year stands. Both go
 * to the insurer's own partner topic ({@link PartnerEvents}) with only the NISS, the year and the quarters.
 */
@ApplicationScoped
public class ContributionSlips {
    @Inject
    Ledger ledger;

    @Inject
    PartnerEvents partners;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Where the year's payment stands, quarter by quarter. */
    public YearPaymentStatus.Result status(String niss, int year) {
        Set<String> liable = new HashSet<>();
        LiabilityPeriodEntity.liableQuarters(niss, year).forEach(q -> liable.add(q.toString()));
        @SuppressWarnings("unchecked")
        Set<String> exempted = new HashSet<>(em.createNativeQuery("SELECT quarter FROM exempted_quarter WHERE niss = :n AND quarter LIKE :y")
                .setParameter("n", niss).setParameter("y", year + "-Q%").getResultList());
        Map<String, Ledger.PeriodBalance> balances = liable.isEmpty() ? Map.of() : ledger.balances(niss);
        List<YearPaymentStatus.QuarterFacts> facts = new ArrayList<>(4);
        for (int n = 1; n <= 4; n++) {
            String q = new Quarter(year, n).toString();
            boolean noticed = liable.contains(q)
                    && ContributionQuarterEntity.count("niss = ?1 and quarter = ?2 and cancelledAt is null", niss, q) > 0;
            Ledger.PeriodBalance b = balances.get(q);
            facts.add(new YearPaymentStatus.QuarterFacts(q, liable.contains(q), exempted.contains(q), noticed, b != null && b.settled()));
        }
        return YearPaymentStatus.of(year, facts);
    }

    /** When the slip of that year was issued, if it was. */
    public Optional<LocalDate> slipIssuedOn(String niss, int year) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT issued_at FROM contribution_slip WHERE niss = :n AND year = :y")
                .setParameter("n", niss).setParameter("y", year).getResultList();
        return rows.stream().findFirst().map(v -> v instanceof java.time.OffsetDateTime t ? t.toLocalDate()
                : v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime().toLocalDate()
                : ((java.time.Instant) v).atZone(clock.getZone()).toLocalDate());
    }

    /** After a quarter of the year was settled: the year's status to the insurer, and the slip once the year is paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issueIfPaid(String niss, int year) {
        if (ContributionAccountEntity.findById(niss) == null) {
            return false;
        }
        YearPaymentStatus.Result status = status(niss, year);
        if (status.status() == YearPaymentStatus.Status.NOT_LIABLE) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        partners.publish(niss, ContributionEvents.PAYMENT_STATUS, niss + "/" + year + "/status",
                new ContributionEvents.PaymentStatus(niss, year, status.status().name(), status.quarters().stream()
                        .map(q -> new ContributionEvents.QuarterStatus(q.quarter(), q.status().name())).toList(), today));
        if (status.status() != YearPaymentStatus.Status.PAID) {
            return false;
        }
        int inserted = em.createNativeQuery("INSERT INTO contribution_slip (niss, year, issued_at) VALUES (:n, :y, :t) ON CONFLICT DO NOTHING")
                .setParameter("n", niss).setParameter("y", year).setParameter("t", OffsetDateTime.now(clock)).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        partners.publish(niss, ContributionEvents.CONTRIBUTION_SLIP, niss + "/" + year,
                new ContributionEvents.ContributionSlip(niss, year, status.liableQuarters(), today));
        return true;
    }
}
