package io.salespulse.analytics.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small live orders for window tests: amounts in cents. */
final class LiveOrders {
    private LiveOrders() {
    }

    static LiveOrder sale(Instant at, long cents) {
        return new LiveOrder(UUID.randomUUID(), OrderType.SALE, at, cents,
                List.of(new LiveOrder.Line("P-1001", "Cola", 1, cents)));
    }

    static LiveOrder sale(Instant at, String productId, String name, long units, long cents) {
        return new LiveOrder(UUID.randomUUID(), OrderType.SALE, at, cents,
                List.of(new LiveOrder.Line(productId, name, units, cents)));
    }

    static LiveOrder returned(Instant at, long cents) {
        return new LiveOrder(UUID.randomUUID(), OrderType.RETURN, at, -cents,
                List.of(new LiveOrder.Line("P-1001", "Cola", -1, -cents)));
    }
}
