package be.caisse.common.web;

import be.caisse.common.domain.Issue;
import be.caisse.common.problem.DomainProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creations that a client may retry safely ({@code Idempotency-Key} header, as in the IETF draft of that name): the
 * first successful answer is stored in the transaction of the creation itself, so either both exist or neither; a
 * retry by the same caller with the same key and the same request gets that answer again (with
 * {@code Idempotent-Replayed: true}), whatever happened to the first answer on its way back. The same key with another
 * request is refused (422). Two concurrent requests with one key: the second waits for the first and gets its answer.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param operation the creation's stable name ({@code register-affiliation})
     * @param request   the request as read (its JSON form identifies it)
     */
    @Transactional
    public Response once(String key, String operation, String caller, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw DomainProblem.invalid(List.of(Issue.field(HEADER, "idempotency-key-invalid")));
        }
        String hash = sha256(write(request));
        int inserted = em.createNativeQuery("INSERT INTO idempotent_request (caller, operation, idempotency_key, request_sha256, status, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, OffsetDateTime.now(clock)).executeUpdate();
        if (inserted == 0) {
            Object[] first = (Object[]) em.createNativeQuery("SELECT request_sha256, status, location, body FROM idempotent_request "
                            + "WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3")
                    .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).getSingleResult();
            if (!hash.equals(first[0])) {
                throw new DomainProblem(422, "idempotency-key-reused", key);
            }
            Response.ResponseBuilder again = Response.status(((Number) first[1]).intValue()).header(REPLAYED, "true");
            if (first[2] != null) {
                again.location(URI.create((String) first[2]));
            }
            return first[3] == null ? again.build() : again.entity(first[3]).type(MediaType.APPLICATION_JSON).build();
        }
        Response answer = create.get();
        em.createNativeQuery("UPDATE idempotent_request SET status = ?4, location = ?5, body = ?6 "
                        + "WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key).setParameter(4, answer.getStatus())
                .setParameter(5, answer.getLocation() == null ? null : answer.getLocation().toString())
                .setParameter(6, answer.getEntity() == null ? null : write(answer.getEntity())).executeUpdate();
        return answer;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
