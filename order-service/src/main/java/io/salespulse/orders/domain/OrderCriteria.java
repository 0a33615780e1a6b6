package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A search of GET /orders: every filter is optional (null, or an empty set, = no filter); {@code from} is inclusive
 * and {@code to} exclusive on occurredAt; totals are inclusive bounds in each order's own currency (so a total bound
 * means one amount only together with {@code currency}). An order matches {@code channels} when its channel is one of
 * them and {@code sources} when its source equals one of them exactly.
 */
public record OrderCriteria(Instant from, Instant to, Set<Channel> channels, Set<String> sources, String locationId,
                            String productId, OrderType type, String currency, BigDecimal minTotal,
                            BigDecimal maxTotal,
                            OrderSort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public OrderCriteria {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
    }

    public long offset() {
        return (long) page * size;
    }
}
