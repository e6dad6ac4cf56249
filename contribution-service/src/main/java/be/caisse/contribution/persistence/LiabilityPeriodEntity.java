package be.caisse.contribution.persistence;

import be.caisse.contribution.domain.ContributorCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A period of liability (assujettissement) in one category, as affiliation-service published it. */
@Entity
@Table(name = "liability_period")
public class LiabilityPeriodEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 11)
    public String niss;
    @Column(name = "affiliation_id", nullable = false)
    public UUID affiliationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContributorCategory category;
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "end_reason")
    public String endReason;

    public boolean covers(LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && (endsOn == null || !endsOn.isBefore(from));
    }

    public static List<LiabilityPeriodEntity> of(String niss) {
        return list("niss = ?1 order by startsOn", niss);
    }

    public static Optional<LiabilityPeriodEntity> open(String niss) {
        return find("niss = ?1 and endsOn is null order by startsOn desc", niss).firstResultOptional();
    }

    /** The quarters of a year in which the person was liable, in order. */
    public static List<be.caisse.common.time.Quarter> liableQuarters(String niss, int year) {
        List<LiabilityPeriodEntity> periods = of(niss);
        List<be.caisse.common.time.Quarter> liable = new java.util.ArrayList<>(4);
        for (int n = 1; n <= 4; n++) {
            be.caisse.common.time.Quarter q = new be.caisse.common.time.Quarter(year, n);
            if (periods.stream().anyMatch(p -> p.covers(q.firstDay(), q.lastDay()))) {
                liable.add(q);
            }
        }
        return liable;
    }

    /** The period covering the quarter [from, to] (the latest if two do). */
    public static Optional<LiabilityPeriodEntity> covering(String niss, LocalDate from, LocalDate to) {
        return of(niss).stream().filter(p -> p.covers(from, to)).reduce((a, b) -> b);
    }
}
