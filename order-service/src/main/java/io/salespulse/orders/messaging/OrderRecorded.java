package io.salespulse.orders.messaging;

import io.salespulse.orders.domain.Money;
import io.salespulse.orders.domain.Order;
import io.salespulse.orders.domain.OrderHeader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of orders.recorded.v1 (deploy/contracts/orders.recorded.v1/order-recorded.schema.json, owned by
 * order-service). Money travels as exact decimal strings.
 */
public record OrderRecorded(UUID eventId, UUID orderId, String type, String channel, String source,
                            String externalId, String locationId, String region, Instant occurredAt,
                            Instant recordedAt, String currency, String total, List<Line> lines) {

    public static final String EVENT_TYPE = "io.salespulse.order-recorded.v1";

    public record Line(String productId, String name, String category, int quantity, String unitPrice,
                       String lineTotal) {
    }

    public static OrderRecorded of(Order order) {
        OrderHeader header = order.header();
        List<Line> lines = order.lines().stream()
                .map(line -> new Line(line.productId(), line.name(), line.category(), line.quantity(),
                        Money.format(line.unitPrice()), Money.format(line.lineTotal())))
                .toList();
        return new OrderRecorded(header.eventId(), header.orderId(), header.type().name(), header.channel().name(),
                header.source(), header.externalId(), header.locationId(), header.region(), header.occurredAt(),
                header.recordedAt(), header.currency(), Money.format(header.total()), lines);
    }

    /**
     * The CloudEvents id: the same for every publication of one order, so a consumer deduplicating on ce_id sees a
     * re-publication (after a redelivery) as what it is.
     */
    public UUID cloudEventId() {
        return UUID.nameUUIDFromBytes(("order-recorded:" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}
