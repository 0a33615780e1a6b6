package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * order-service's own view of a sale event (topic sales.events.v1; the producer owns the schema, this record holds
 * what order-service uses). Built only by {@link SaleEventParser}, so every instance is valid.
 */
public record SaleEvent(UUID eventId, OrderType type, Channel channel, String source, String externalId,
                        String locationId, Instant occurredAt, String currency, List<Line> lines,
                        String customerRef, String returnOf, String regionHint) {

    public SaleEvent {
        lines = List.copyOf(lines);
    }

    /** One product line: the product is named by at least one of productId, sku, gtin. */
    public record Line(String productId, String sku, String gtin, int quantity, BigDecimal unitPrice) {

        /** The identifiers the line gave, for reasons: {@code productId=P-1 sku=SKU-X}. */
        public String identifiers() {
            StringBuilder text = new StringBuilder();
            append(text, "productId", productId);
            append(text, "sku", sku);
            append(text, "gtin", gtin);
            return text.toString();
        }

        private static void append(StringBuilder text, String name, String value) {
            if (value != null) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(name).append('=').append(value);
            }
        }
    }
}
