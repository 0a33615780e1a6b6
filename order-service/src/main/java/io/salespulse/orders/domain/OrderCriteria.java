package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A search of GET /orders: every filter is optional (null = no filter); {@code from} is inclusive and {@code to}
 * exclusive on occurredAt; totals are inclusive bounds.
 */
public record OrderCriteria(Instant from, Instant to, Channel channel, String locationId, String productId,
                            OrderType type, BigDecimal minTotal, BigDecimal maxTotal, OrderSort sort, int page,
                            int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public long offset() {
        return (long) page * size;
    }
}
