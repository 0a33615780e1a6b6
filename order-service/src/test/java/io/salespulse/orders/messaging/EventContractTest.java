package io.salespulse.orders.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.salespulse.orders.domain.Channel;
import io.salespulse.orders.domain.Order;
import io.salespulse.orders.domain.OrderHeader;
import io.salespulse.orders.domain.OrderLine;
import io.salespulse.orders.domain.OrderType;
import io.salespulse.orders.domain.Rejection;
import io.salespulse.testsupport.Contracts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What order-service publishes, against the schemas in deploy/contracts (serialized like Quarkus' ObjectMapper). */
class EventContractTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void orderRecordedOfAReturnMatchesTheContract() throws Exception {
        UUID eventId = UUID.randomUUID();
        OrderHeader header = new OrderHeader(OrderHeader.orderIdOf(eventId), eventId, OrderType.RETURN, Channel.STORE,
                "store:ST-001", "R-1", "ST-001", "EU-North", Instant.parse("2025-03-01T10:00:00.123456Z"),
                Instant.parse("2025-03-01T10:00:01Z"), "EUR", new BigDecimal("-4.87"), 3, null, "R-0");
        Order order = new Order(header, List.of(
                new OrderLine(0, "P-1002", "SKU-CHIPS-150", "Chips", "Snacks", 2, new BigDecimal("1.99"), new BigDecimal("-3.98")),
                new OrderLine(1, "P-1001", "SKU-COLA-330", "Cola", null, 1, new BigDecimal("0.89"), new BigDecimal("-0.89"))));

        String json = JSON.writeValueAsString(OrderRecorded.of(order));

        Contracts.assertValid("orders.recorded.v1/order-recorded", json);
        assertThat(JSON.readTree(json).get("total").asText()).isEqualTo("-4.87");
        assertThat(JSON.readTree(json).get("lines").get(0).get("lineTotal").asText()).isEqualTo("-3.98");
    }

    @Test
    void deadLetterOfAConsumedRecordMatchesTheContract() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "io.salespulse.sale-event.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("authorization", "secret".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sales.events.v1", 2, 41L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "STORE:store:ST-001:R-1", "{oops",
                headers, Optional.empty());

        String json = JSON.writeValueAsString(Messaging.deadLetter(record,
                new Rejection(Rejection.Kind.MALFORMED_JSON, "malformed JSON: unexpected character")));

        Contracts.assertValid("sales.deadletter.v1/dead-letter", json);
        var letter = JSON.readTree(json);
        assertThat(letter.get("source").asText()).isEqualTo("sales.events.v1");
        assertThat(letter.get("payload").asText()).isEqualTo("{oops");
        assertThat(letter.get("offset").asLong()).isEqualTo(41L);
        assertThat(letter.get("headers").has("ce_type")).isTrue();
        assertThat(letter.get("headers").has("authorization")).as("credentials are not kept").isFalse();
    }
}
