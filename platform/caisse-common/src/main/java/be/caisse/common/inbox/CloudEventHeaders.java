package be.caisse.common.inbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads the CloudEvents 1.0 binary-mode attributes ({@code ce_*} headers) of a Kafka record. */
public final class CloudEventHeaders {
    private CloudEventHeaders() {
    }

    public static String id(ConsumerRecord<?, ?> record) {
        return header(record, "ce_id");
    }

    public static String type(ConsumerRecord<?, ?> record) {
        return header(record, "ce_type");
    }

    public static String subject(ConsumerRecord<?, ?> record) {
        return header(record, "ce_subject");
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
