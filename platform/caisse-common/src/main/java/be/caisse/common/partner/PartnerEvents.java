package be.caisse.common.partner;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.persistence.AdvisoryLocks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the partner mutualities are told, each on its own topic ({@code caisse.partner.<code>.events}, key = NISS):
 * an event about a member goes to the insurer she belongs to today, and to no other. An event about a member whose
 * insurer is not known yet waits here (in the same transaction as the change that caused it) and leaves as soon as
 * affiliation-service tells which insurer she belongs to: nothing is lost, nothing goes to the wrong partner.
 *
 * <p>The insurer over time comes from affiliation's {@code mutuality-changed} events ({@link #replaceHistory}).
 */
@ApplicationScoped
public class PartnerEvents {
    private static final Logger LOG = Logger.getLogger(PartnerEvents.class);

    @Inject
    EventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** One period of membership: from this day, until the next period starts. */
    public record Membership(String mutuality, LocalDate validFrom) {
    }

    /** Publishes to the member's insurer of today, or keeps the event until it is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String niss, String type, String subject, Object data) {
        AdvisoryLocks.lockPartnerMember(em, niss);
        Optional<String> code = mutualityOn(niss, LocalDate.now(clock));
        if (code.isPresent()) {
            events.publish(Mutuality.topicOf(code.get()), type, niss, subject, data);
            return;
        }
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Partner event " + type + " cannot be serialised", e);
        }
        em.createNativeQuery("INSERT INTO partner_event_pending (id, niss, event_type, subject, payload, created_at) "
                        + "VALUES (:id, :n, :t, :s, :p, :at)")
                .setParameter("id", be.caisse.common.identifiers.Uuids.timeOrdered()).setParameter("n", niss)
                .setParameter("t", type).setParameter("s", subject).setParameter("p", payload)
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
        LOG.infof("Partner event %s kept until the member's insurer is known", type);
    }

    /** The insurer the member belongs to on that day. */
    public Optional<String> mutualityOn(String niss, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT mutuality FROM known_person_mutuality WHERE niss = :n AND valid_from <= :d "
                + "ORDER BY valid_from DESC LIMIT 1").setParameter("n", niss).setParameter("d", day).getResultList();
        return rows.stream().findFirst();
    }

    /** Whether the member belonged to this insurer on any day from {@code from} to {@code to} (both included). */
    public boolean memberDuring(String niss, String mutuality, LocalDate from, LocalDate to) {
        List<Membership> history = history(niss);
        for (int i = 0; i < history.size(); i++) {
            Membership m = history.get(i);
            LocalDate end = i + 1 < history.size() ? history.get(i + 1).validFrom().minusDays(1) : LocalDate.MAX;
            if (m.mutuality().equals(mutuality) && !m.validFrom().isAfter(to) && !end.isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    /** The member's periods, oldest first. */
    public List<Membership> history(String niss) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT mutuality, valid_from FROM known_person_mutuality WHERE niss = :n "
                + "ORDER BY valid_from").setParameter("n", niss).getResultList();
        return rows.stream().map(r -> new Membership((String) r[0], toDate(r[1]))).toList();
    }

    /**
     * Takes the member's whole history as affiliation-service sends it (a correction replaces it), then sends what
     * waited for her insurer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceHistory(String niss, List<Membership> history) {
        AdvisoryLocks.lockPartnerMember(em, niss);
        em.createNativeQuery("DELETE FROM known_person_mutuality WHERE niss = :n").setParameter("n", niss).executeUpdate();
        for (Membership m : history) {
            if (m.mutuality() == null || m.validFrom() == null || Mutuality.byCode(m.mutuality()).isEmpty()) {
                throw new IllegalArgumentException("Mutuality period without a known insurer or a start");
            }
            em.createNativeQuery("INSERT INTO known_person_mutuality (niss, valid_from, mutuality) VALUES (:n, :f, :m) "
                            + "ON CONFLICT (niss, valid_from) DO UPDATE SET mutuality = EXCLUDED.mutuality")
                    .setParameter("n", niss).setParameter("f", m.validFrom()).setParameter("m", m.mutuality()).executeUpdate();
        }
        Optional<String> today = mutualityOn(niss, LocalDate.now(clock));
        if (today.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("SELECT id, event_type, subject, payload FROM partner_event_pending "
                + "WHERE niss = :n ORDER BY created_at, id").setParameter("n", niss).getResultList();
        for (Object[] p : pending) {
            try {
                events.publish(Mutuality.topicOf(today.get()), (String) p[1], niss, (String) p[2], json.readTree((String) p[3]));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Kept partner event " + p[0] + " is not JSON", e);
            }
            em.createNativeQuery("DELETE FROM partner_event_pending WHERE id = :id").setParameter("id", p[0]).executeUpdate();
        }
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
