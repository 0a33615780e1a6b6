package io.salespulse.orders.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a recorded sale can still come back: per product, the units sold and those already returned (by RETURN
 * orders naming the sale). Channel adapters check a new return against it before accepting it.
 */
public record Returnable(Order sale, List<Line> lines) {

    public Returnable {
        lines = List.copyOf(lines);
    }

    /** One product of the sale: its lines added up. {@code sku} is the first line's. */
    public record Line(String productId, String sku, int sold, int returned) {
        public int returnable() {
            return Math.max(0, sold - returned);
        }
    }

    /** The sale's products in line order, with what {@code returnedByProduct} says came back of each. */
    public static Returnable of(Order sale, Map<String, Integer> returnedByProduct) {
        Map<String, Line> byProduct = new LinkedHashMap<>();
        for (OrderLine line : sale.lines()) {
            byProduct.merge(line.productId(),
                    new Line(line.productId(), line.sku(), line.quantity(), 0),
                    (a, b) -> new Line(a.productId(), a.sku(), a.sold() + b.sold(), 0));
        }
        List<Line> lines = new ArrayList<>();
        byProduct.values().forEach(l -> lines.add(new Line(l.productId(), l.sku(), l.sold(),
                returnedByProduct.getOrDefault(l.productId(), 0))));
        return new Returnable(sale, lines);
    }
}
