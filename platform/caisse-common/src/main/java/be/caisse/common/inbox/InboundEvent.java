package be.caisse.common.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed CloudEvent: its id and type from the {@code ce_*} headers, the key, and the JSON data. */
public record InboundEvent(String id, String type, String subject, String key, String data) {
    /** The data read as the given type; unreadable data is an error that sends the message to the dead-letter topic. */
    public <T> T dataAs(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable data of event " + id + " (" + this.type + "): "
                    + e.getOriginalMessage(), e);
        }
    }

    public static InboundEvent of(ConsumerRecord<String, String> record) {
        return new InboundEvent(CloudEventHeaders.id(record), CloudEventHeaders.type(record),
                CloudEventHeaders.subject(record), record.key(), record.value());
    }
}
