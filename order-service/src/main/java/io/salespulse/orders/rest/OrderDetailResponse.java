package io.salespulse.orders.rest;

import io.salespulse.orders.domain.Order;
import io.salespulse.orders.domain.OrderHeader;
import io.salespulse.orders.domain.OrderLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order with its lines, GET /orders/{id}. */
public record OrderDetailResponse(UUID orderId, UUID eventId, String type, String channel, String source,
                                  String externalId, String locationId, String region, Instant occurredAt,
                                  Instant recordedAt, String currency, BigDecimal total, int itemCount,
                                  String returnOf, List<Line> lines) {

    /** lineNo is the line's index in the sale event (0-based); lineTotal is negative for returns. */
    public record Line(int lineNo, String productId, String sku, String name, String category, int quantity,
                       BigDecimal unitPrice, BigDecimal lineTotal) {

        static Line of(OrderLine line) {
            return new Line(line.lineNo(), line.productId(), line.sku(), line.name(), line.category(),
                    line.quantity(), line.unitPrice(), line.lineTotal());
        }
    }

    static OrderDetailResponse of(Order order) {
        OrderHeader h = order.header();
        return new OrderDetailResponse(h.orderId(), h.eventId(), h.type().name(), h.channel().name(), h.source(),
                h.externalId(), h.locationId(), h.region(), h.occurredAt(), h.recordedAt(), h.currency(), h.total(),
                h.itemCount(), h.returnOf(), order.lines().stream().map(Line::of).toList());
    }
}
