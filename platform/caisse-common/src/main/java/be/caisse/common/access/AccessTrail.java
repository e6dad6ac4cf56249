package be.caisse.common.access;

import be.caisse.common.outbox.EventPublisher;
import be.caisse.common.problem.DomainProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who saw what (GDPR art. 5(2), the charter's privacy promise): every read of a person's data by the fund's staff, a
 * partner or the data protection officer is published as an {@code access-recorded} event on the service's access
 * topic ({@code caisse.<service>.access}); affiliation-service keeps them all in one append-only trail that the
 * member reads ({@code /affiliations/me/access-log}) and the DPO searches. The event is written in a transaction of
 * its own, committed before the data leaves: a read is never without its trace, even if the answer then fails.
 *
 * <p>The front end may say why ({@value #PURPOSE_HEADER}: up to 200 printable characters; anything else is refused
 * rather than cut).
 */
@ApplicationScoped
public class AccessTrail {
    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    public static final String ACCESS_RECORDED = "be.caisse.access.access-recorded.v1";
    private static final Pattern NISS = Pattern.compile("\\d{11}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]{1,200}");

    @Inject
    EventPublisher events;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.inject.Instance<HttpServerRequest> requests;

    @ConfigProperty(name = "caisse.access.topic")
    String topic;

    @ConfigProperty(name = "caisse.events.source")
    String source;

    /** STAFF (agent, supervisor, admin), PARTNER (a mutuality's account), DPO, MEMBER (her own export). */
    public enum ActorKind { STAFF, PARTNER, DPO, MEMBER }

    /**
     * Data of {@value #ACCESS_RECORDED}: which person, which data, who, when, through which route (the NISS in it
     * replaced by {@code {niss}}), why if the front end said it, and the request id.
     */
    public record AccessRecorded(String niss, String data, String actor, ActorKind actorKind, OffsetDateTime at, String service,
                                 String route, String purpose, String requestId) {
    }

    /** The purpose the front end gave, checked (400 if it is not a short printable text). */
    public String purpose() {
        HttpServerRequest request = request();
        String purpose = request == null ? null : request.getHeader(PURPOSE_HEADER);
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        purpose = utf8(purpose);
        if (!PRINTABLE.matcher(purpose).matches()) {
            throw DomainProblem.badRequest("access-purpose-invalid", 200);
        }
        return purpose.strip();
    }

    /**
     * A header is read as ISO-8859-1; a front end sends its text as UTF-8 bytes: read them as such when they are
     * valid UTF-8 ("appel téléphonique" stays itself), else as they came.
     */
    static String utf8(String header) {
        byte[] bytes = header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return header;
        }
    }

    public void record(String niss, String data, String actor, ActorKind kind) {
        String purpose = purpose();
        HttpServerRequest request = request();
        String route = request == null ? null : request.method().name() + " " + NISS.matcher(request.path()).replaceAll("{niss}");
        AccessRecorded recorded = new AccessRecorded(niss, data, actor, kind, OffsetDateTime.now(clock), service(), route, purpose,
                be.caisse.common.web.RequestContext.currentRequestId());
        QuarkusTransaction.requiringNew().run(() -> events.publish(topic, ACCESS_RECORDED, niss, niss, recorded));
    }

    /** This service's name ({@code contribution-service}), from its events' source. */
    public String service() {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private HttpServerRequest request() {
        try {
            return requests.isResolvable() ? requests.get() : null;
        } catch (RuntimeException e) {
            return null; // outside a request (a job): no route to tell
        }
    }
}
