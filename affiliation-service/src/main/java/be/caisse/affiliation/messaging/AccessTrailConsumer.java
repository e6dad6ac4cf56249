package be.caisse.affiliation.messaging;

import be.caisse.common.access.AccessTrail;
import be.caisse.common.inbox.InboundEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four services' access topics → the one access trail. The event id is the line's key: a redelivered event adds
 * nothing. A message that cannot be read goes to the dead-letter topic and the stream goes on.
 */
@ApplicationScoped
public class AccessTrailConsumer {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Incoming("access-trail")
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record);
        if (!AccessTrail.ACCESS_RECORDED.equals(event.type())) {
            return;
        }
        AccessTrail.AccessRecorded a = event.dataAs(json, AccessTrail.AccessRecorded.class);
        if (a.niss() == null || a.data() == null || a.actor() == null || a.actorKind() == null || a.at() == null || a.service() == null) {
            throw new IllegalArgumentException("Incomplete " + event.type() + " event " + event.id());
        }
        em.createNativeQuery("INSERT INTO access_trail (event_id, niss, data, actor, actor_kind, accessed_at, service, route, purpose, "
                        + "request_id, recorded_at) VALUES (:id, :n, :d, :a, :k, :at, :s, :r, :p, :q, :now) ON CONFLICT (event_id) DO NOTHING")
                .setParameter("id", UUID.fromString(event.id())).setParameter("n", a.niss()).setParameter("d", cut(a.data(), 200))
                .setParameter("a", cut(a.actor(), 100)).setParameter("k", a.actorKind().name()).setParameter("at", a.at())
                .setParameter("s", cut(a.service(), 40)).setParameter("r", cut(a.route(), 300)).setParameter("p", cut(a.purpose(), 200))
                .setParameter("q", cut(a.requestId(), 128)).setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
