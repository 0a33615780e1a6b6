package io.salespulse.orders.rest;

import io.salespulse.orders.domain.OrderHeader;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order in GET /orders. Totals are negative for returns. */
public record OrderResponse(UUID orderId, UUID eventId, String type, String channel, String source,
                            String externalId, String locationId, String region, Instant occurredAt,
                            Instant recordedAt, String currency, BigDecimal total, int itemCount, String returnOf) {

    static OrderResponse of(OrderHeader order) {
        return new OrderResponse(order.orderId(), order.eventId(), order.type().name(), order.channel().name(),
                order.source(), order.externalId(), order.locationId(), order.region(), order.occurredAt(),
                order.recordedAt(), order.currency(), order.total(), order.itemCount(), order.returnOf());
    }
}
