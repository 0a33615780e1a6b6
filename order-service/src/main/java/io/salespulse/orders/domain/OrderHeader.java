package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** An order without its lines: what GET /orders lists. */
public record OrderHeader(UUID orderId, UUID eventId, OrderType type, Channel channel, String source,
                          String externalId, String locationId, String region, Instant occurredAt,
                          Instant recordedAt, String currency, BigDecimal total, int itemCount,
                          String customerRef, String returnOf) {

    /**
     * The order id of a sale event: derived, not random, so that every redelivery of the event names the same order
     * and the order id can be computed by anyone holding the event id.
     */
    public static UUID orderIdOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("order:" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
