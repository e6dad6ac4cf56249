package be.caisse.common.outbox;

import be.caisse.common.identifiers.Uuids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Many events of one job (a payment run, a call run) appended to the outbox with one COPY, in the job's
 * transaction: the same rows {@link EventPublisher} writes one by one, at the cost of a bulk load. The relay
 * publishes them like any other.
 */
public final class OutboxBulk {
    private final ObjectMapper json;
    private final String source;
    private final String occurredAt;
    private final String correlationId;
    private final StringBuilder rows = new StringBuilder();
    private int size;

    public OutboxBulk(ObjectMapper json, String source, OffsetDateTime occurredAt, String correlationId) {
        this.json = json;
        this.source = source;
        this.occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt);
        this.correlationId = correlationId;
    }

    public void add(String topic, String type, String aggregateId, String subject, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + type, e);
        }
        csv(Uuids.timeOrdered().toString(), topic, type, source, subject, aggregateId, occurredAt, payload, correlationId);
        size++;
    }

    public int size() {
        return size;
    }

    /** Writes the events on the job's connection (its transaction). */
    public void copy(Connection c) throws SQLException {
        if (size == 0) {
            return;
        }
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY outbox_event (event_id, topic, event_type, source, "
                    + "subject, aggregate_id, occurred_at, payload, correlation_id) FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into the outbox failed", e);
        }
    }

    private void csv(String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            if (values[i] != null) { // an unquoted empty field is NULL
                rows.append('"').append(values[i].replace("\"", "\"\"")).append('"');
            }
        }
        rows.append('\n');
    }
}
