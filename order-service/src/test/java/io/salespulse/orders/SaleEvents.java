package io.salespulse.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object Mother of sales.events.v1 payloads (deploy/contracts/sales.events.v1/sale-event.schema.json). */
public final class SaleEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SaleEvents() {
    }

    /** A store sale at ST-001 a minute ago, without lines yet. */
    public static Builder aSale() {
        return new Builder("SALE");
    }

    /** A return of {@code original} (by its eventId), at the same location. */
    public static Builder aReturnOf(Builder original) {
        return new Builder("RETURN").channel(original.channel).source(original.source)
                .locationId(original.locationId).returnOf(original.eventId.toString());
    }

    public static final class Builder {
        private UUID eventId = UUID.randomUUID();
        private final String type;
        private String channel = "STORE";
        private String source = "store:ST-001";
        private String externalId = "R-" + UUID.randomUUID().toString().substring(0, 8);
        private String locationId = "ST-001";
        private Instant occurredAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        private String currency = "EUR";
        private String returnOf;
        private final List<Map<String, Object>> lines = new ArrayList<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder eventId(UUID value) {
            eventId = value;
            return this;
        }

        public Builder channel(String value) {
            channel = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        public Builder locationId(String value) {
            locationId = value;
            return this;
        }

        public Builder occurredAt(String value) {
            occurredAt = Instant.parse(value);
            return this;
        }

        public Builder returnOf(String value) {
            returnOf = value;
            return this;
        }

        public Builder productLine(String productId, int quantity, String unitPrice) {
            return line("productId", productId, quantity, unitPrice);
        }

        public Builder skuLine(String sku, int quantity, String unitPrice) {
            return line("sku", sku, quantity, unitPrice);
        }

        public Builder gtinLine(String gtin, int quantity, String unitPrice) {
            return line("gtin", gtin, quantity, unitPrice);
        }

        private Builder line(String identifier, String value, int quantity, String unitPrice) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(identifier, value);
            line.put("quantity", quantity);
            line.put("unitPrice", unitPrice);
            lines.add(line);
            return this;
        }

        public UUID eventId() {
            return eventId;
        }

        /** The order id order-service derives from the event id. */
        public UUID orderId() {
            return io.salespulse.orders.domain.OrderHeader.orderIdOf(eventId);
        }

        public String externalId() {
            return externalId;
        }

        /** The record key of sales.events.v1: channel:source:externalId. */
        public String key() {
            return channel + ":" + source + ":" + externalId;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", eventId.toString());
            event.put("type", type);
            event.put("channel", channel);
            event.put("source", source);
            event.put("externalId", externalId);
            event.put("locationId", locationId);
            event.put("occurredAt", occurredAt.toString());
            event.put("currency", currency);
            event.put("lines", lines);
            event.put("customerRef", "cust-7f3a");
            if (returnOf != null) {
                event.put("returnOf", returnOf);
            }
            return event;
        }

        public String json() {
            try {
                return JSON.writeValueAsString(toMap());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
