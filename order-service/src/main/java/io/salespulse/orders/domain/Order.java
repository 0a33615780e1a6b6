package io.salespulse.orders.domain;

import java.util.List;
import java.util.UUID;

/** A recorded sale or return with its lines. */
public record Order(OrderHeader header, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    public UUID orderId() {
        return header.orderId();
    }
}
