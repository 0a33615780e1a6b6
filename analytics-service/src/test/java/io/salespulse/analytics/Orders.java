package io.salespulse.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Object Mother of orders.recorded.v1 payloads, shaped like order-service publishes them
 * (deploy/contracts/orders.recorded.v1/order-recorded.schema.json): {@code Orders.aSale().line(...).json()}.
 * Money goes out as strings with 2 decimals; a RETURN's line totals and total are negative.
 */
public final class Orders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Orders() {
    }

    public static Builder aSale() {
        return new Builder("SALE");
    }

    public static Builder aReturn() {
        return new Builder("RETURN");
    }

    public record Line(String productId, String name, String category, int quantity, BigDecimal unitPrice) {
    }

    public static final class Builder {
        private final String type;
        private UUID orderId = UUID.randomUUID();
        private UUID eventId = UUID.randomUUID();
        private String channel = "STORE";
        private String source = "store:ST-001";
        private String externalId = "R-" + UUID.randomUUID().toString().substring(0, 8);
        private String locationId = "ST-001";
        private String region = "North";
        private Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private Instant recordedAt;
        private String currency = "EUR";
        private final List<Line> lines = new ArrayList<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder orderId(UUID id) {
            this.orderId = id;
            return this;
        }

        public Builder eventId(UUID id) {
            this.eventId = id;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder location(String locationId, String region) {
            this.locationId = locationId;
            this.region = region;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder recordedAt(Instant recordedAt) {
            this.recordedAt = recordedAt;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder line(String productId, String name, String category, int quantity, String unitPrice) {
            lines.add(new Line(productId, name, category, quantity, new BigDecimal(unitPrice)));
            return this;
        }

        public UUID orderId() {
            return orderId;
        }

        public String type() {
            return type;
        }

        public String channel() {
            return channel;
        }

        public String source() {
            return source;
        }

        public Instant occurredAt() {
            return occurredAt;
        }

        public String locationId() {
            return locationId;
        }

        /** Signed like the event: negative for a RETURN. */
        public BigDecimal total() {
            ensureLines();
            return lines.stream().map(this::lineTotal).reduce(new BigDecimal("0.00"), BigDecimal::add);
        }

        /** Net units: negative for a RETURN. */
        public long units() {
            ensureLines();
            long units = lines.stream().mapToLong(Line::quantity).sum();
            return "RETURN".equals(type) ? -units : units;
        }

        public List<Line> lines() {
            ensureLines();
            return List.copyOf(lines);
        }

        public BigDecimal lineTotal(Line line) {
            BigDecimal total = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).setScale(2);
            return "RETURN".equals(type) ? total.negate() : total;
        }

        private void ensureLines() {
            if (lines.isEmpty()) {
                line("P-1001", "Cola 330 ml", "Drinks", 1, "1.99");
            }
        }

        public Map<String, Object> payload() {
            ensureLines();
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("eventId", eventId.toString());
            order.put("orderId", orderId.toString());
            order.put("type", type);
            order.put("channel", channel);
            order.put("source", source);
            order.put("externalId", externalId);
            order.put("locationId", locationId);
            order.put("region", region);
            order.put("occurredAt", occurredAt.toString());
            order.put("recordedAt", (recordedAt == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : recordedAt)
                    .toString());
            order.put("currency", currency);
            order.put("total", total().toPlainString());
            List<Map<String, Object>> jsonLines = new ArrayList<>();
            for (Line line : lines) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("productId", line.productId());
                l.put("name", line.name());
                l.put("category", line.category());
                l.put("quantity", line.quantity());
                l.put("unitPrice", line.unitPrice().setScale(2).toPlainString());
                l.put("lineTotal", lineTotal(line).toPlainString());
                jsonLines.add(l);
            }
            order.put("lines", jsonLines);
            return order;
        }

        public String json() {
            try {
                return JSON.writeValueAsString(payload());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
