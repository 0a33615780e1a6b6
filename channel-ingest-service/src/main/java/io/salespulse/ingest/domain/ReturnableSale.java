package io.salespulse.ingest.domain;

import java.util.List;

/**
 * A recorded sale as order-service's {@code GET /orders/returnable} tells it: per product, the units sold, already
 * returned and still returnable (the rest of its answer is not needed here).
 */
public record ReturnableSale(List<Line> lines) {

    public ReturnableSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String productId, String sku, int sold, int returned, int returnable) {
    }
}
