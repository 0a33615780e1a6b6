package io.salespulse.orders.messaging;

import io.salespulse.orders.domain.Rejection;
import io.salespulse.support.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What order-service's consumers and producers share. */
final class Messaging {
    static final String SERVICE = "order-service";
    /** ce_source of every event order-service publishes. */
    static final String SOURCE = "/order-service";

    private Messaging() {
    }

    /** A dead letter of a consumed record, with the headers that are safe to keep (CloudEvents and tracing). */
    static DeadLetter deadLetter(ConsumerRecord<String, String> record, Rejection rejection) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String name = header.key();
            if (name.startsWith("ce_") || name.equals("traceparent") || name.equals("tracestate")
                    || name.equals("content-type")) {
                headers.put(name, header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] raw = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        return DeadLetter.ofRecord(SERVICE, record.topic(), record.partition(), record.offset(), record.key(), raw,
                headers, rejection.reason());
    }
}
