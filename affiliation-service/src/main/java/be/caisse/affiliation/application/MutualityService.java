package be.caisse.affiliation.application;

import be.caisse.affiliation.domain.MutualityPeriods;
import be.caisse.affiliation.messaging.AffiliationEvents;
import be.caisse.affiliation.persistence.PersonChangeEntity;
import be.caisse.affiliation.persistence.PersonEntity;
import be.caisse.common.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The person's health insurer, recorded by an agent or by the member herself. Each change is kept (the period in
 * {@code person_mutuality}, who changed what in the person's changes) and published with the whole history, so that
 * the services route the partner events of the member to her insurer and to no other.
 */
@ApplicationScoped
public class MutualityService {
    @Inject
    PersonService persons;

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** One stored period, with who recorded it. */
    public record Recorded(String mutuality, LocalDate validFrom, String recordedBy, OffsetDateTime recordedAt, String origin) {
    }

    public List<Recorded> history(String niss) {
        persons.require(niss);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT mutuality, valid_from, recorded_by, recorded_at, origin FROM person_mutuality "
                + "WHERE niss = :n ORDER BY valid_from").setParameter("n", niss).getResultList();
        return rows.stream().map(r -> new Recorded((String) r[0], toDate(r[1]), (String) r[2], toTime(r[3]), (String) r[4])).toList();
    }

    @Transactional
    public List<Recorded> record(String niss, String mutuality, LocalDate validFrom, String by, String origin) {
        PersonEntity person = persons.require(niss);
        // one change of a person's insurer at a time: the published history is the one stored
        em.createNativeQuery("SELECT niss FROM person WHERE niss = :n FOR UPDATE").setParameter("n", niss).getSingleResult();
        LocalDate today = LocalDate.now(clock);
        MutualityPeriods before = periods(history(niss));
        MutualityPeriods after = before.with(new MutualityPeriods.Period(mutuality, validFrom), person.birthDate, today);
        String old = before.periods().stream().filter(p -> p.validFrom().equals(validFrom)).map(MutualityPeriods.Period::mutuality)
                .findFirst().orElse(null);
        if (mutuality.equals(old)) {
            return history(niss);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("INSERT INTO person_mutuality (niss, valid_from, mutuality, recorded_by, recorded_at, origin) "
                        + "VALUES (:n, :f, :m, :b, :t, :o) ON CONFLICT (niss, valid_from) DO UPDATE SET mutuality = EXCLUDED.mutuality, "
                        + "recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at, origin = EXCLUDED.origin")
                .setParameter("n", niss).setParameter("f", validFrom).setParameter("m", mutuality).setParameter("b", by)
                .setParameter("t", now).setParameter("o", origin).executeUpdate();
        PersonChangeEntity change = new PersonChangeEntity();
        change.id = UUID.randomUUID();
        change.niss = niss;
        change.field = "MUTUALITY";
        change.oldValue = old == null ? before.on(validFrom).map(m -> m + " (before " + validFrom + ")").orElse(null) : old + " from " + validFrom;
        change.newValue = mutuality + " from " + validFrom;
        change.changedBy = by;
        change.changedAt = now;
        change.origin = origin;
        change.persist();
        person.updatedAt = now;
        events.publish(AffiliationEvents.TOPIC, AffiliationEvents.MUTUALITY_CHANGED, niss, niss,
                new AffiliationEvents.MutualityChanged(niss, after.periods().stream()
                        .map(p -> new AffiliationEvents.MutualityPeriod(p.mutuality(), p.validFrom())).toList()));
        return history(niss);
    }

    public static MutualityPeriods periods(List<Recorded> recorded) {
        return new MutualityPeriods(recorded.stream().map(r -> new MutualityPeriods.Period(r.mutuality(), r.validFrom())).toList());
    }

    private static LocalDate toDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    private static OffsetDateTime toTime(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) v;
    }
}
