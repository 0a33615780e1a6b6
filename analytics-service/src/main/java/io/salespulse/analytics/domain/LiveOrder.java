package io.salespulse.analytics.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the live window keeps it: money in cents (exact, and cheap to add up many times per second),
 * units already signed (negative for a RETURN).
 */
public record LiveOrder(UUID orderId, OrderType type, Instant occurredAt, long totalCents, List<Line> lines) {

    public LiveOrder {
        lines = List.copyOf(lines);
    }

    public record Line(String productId, String name, long signedUnits, long lineTotalCents) {
    }
}
