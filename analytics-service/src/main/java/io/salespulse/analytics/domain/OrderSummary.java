package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of an {@code order.recorded} WebSocket message: the order without its prices per unit. Amounts are in the
 * reporting currency; originalCurrency and originalTotal say what a converted order was (null otherwise).
 */
public record OrderSummary(UUID orderId, OrderType type, String channel, String source, String externalId,
                           String locationId, String region, Instant occurredAt, Instant recordedAt,
                           String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
                           long units, int lineCount, List<Item> items, String originalCurrency,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal originalTotal) {
    /** At most this many lines are listed; lineCount tells how many there are. */
    static final int MAX_ITEMS = 20;

    public record Item(String productId, String name, int quantity,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {
    }

    public static OrderSummary of(RecordedOrder order) {
        List<Item> items = order.lines().stream()
                .limit(MAX_ITEMS)
                .map(l -> new Item(l.productId(), l.name(), l.quantity(), Money.scaled(l.lineTotal())))
                .toList();
        return new OrderSummary(order.orderId(), order.type(), order.channel(), order.source(), order.externalId(),
                order.locationId(), order.region(), order.occurredAt(), order.recordedAt(), order.currency(),
                Money.scaled(order.total()), order.signedUnits(), order.lines().size(), items,
                order.conversion() == null ? null : order.conversion().originalCurrency(),
                order.conversion() == null ? null : Money.scaled(order.conversion().originalTotal()));
    }
}
