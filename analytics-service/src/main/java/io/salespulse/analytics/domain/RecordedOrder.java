package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as analytics counts it (our own type for orders.recorded.v1; validated by OrderRecordedParser).
 * {@code total} is negative for a RETURN. {@code conversion} is null unless the order was converted into the
 * reporting currency (then currency, total and the line amounts are the converted ones).
 */
public record RecordedOrder(UUID orderId, UUID eventId, OrderType type, String channel, String source,
                            String externalId, String locationId, String region, Instant occurredAt,
                            Instant recordedAt, String currency, BigDecimal total, List<RecordedLine> lines,
                            Conversion conversion) {

    public RecordedOrder {
        lines = List.copyOf(lines);
    }

    /** An order as it was recorded, in its own currency. */
    public RecordedOrder(UUID orderId, UUID eventId, OrderType type, String channel, String source,
                         String externalId, String locationId, String region, Instant occurredAt,
                         Instant recordedAt, String currency, BigDecimal total, List<RecordedLine> lines) {
        this(orderId, eventId, type, channel, source, externalId, locationId, region, occurredAt, recordedAt,
                currency, total, lines, null);
    }

    /** Net units: the quantities of a sale, minus those of a return. */
    public long signedUnits() {
        long units = 0;
        for (RecordedLine line : lines) {
            units += line.quantity();
        }
        return units * type.sign();
    }

    /** What the in-memory live window needs of it. */
    public LiveOrder toLive() {
        List<LiveOrder.Line> live = lines.stream()
                .map(l -> new LiveOrder.Line(l.productId(), l.name(), (long) l.quantity() * type.sign(),
                        Money.toCents(l.lineTotal())))
                .toList();
        return new LiveOrder(orderId, type, occurredAt, Money.toCents(total), live);
    }
}
