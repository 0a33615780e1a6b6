package io.salespulse.orders.rest;

import io.salespulse.orders.domain.OrderHeader;
import io.salespulse.orders.domain.Returnable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GET /orders/returnable: the sale a return names and, per product, what can still come back. */
public record ReturnableResponse(UUID orderId, UUID eventId, String channel, String source, String externalId,
                                 String locationId, Instant occurredAt, String currency, List<Line> lines) {

    public record Line(String productId, String sku, int sold, int returned, int returnable) {
    }

    static ReturnableResponse of(Returnable returnable) {
        OrderHeader sale = returnable.sale().header();
        return new ReturnableResponse(sale.orderId(), sale.eventId(), sale.channel().name(), sale.source(),
                sale.externalId(), sale.locationId(), sale.occurredAt(), sale.currency(),
                returnable.lines().stream().map(l -> new Line(l.productId(), l.sku(), l.sold(), l.returned(),
                        l.returnable())).toList());
    }
}
