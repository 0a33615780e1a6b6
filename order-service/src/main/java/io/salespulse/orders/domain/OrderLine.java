package io.salespulse.orders.domain;

import java.math.BigDecimal;

/** A resolved line: the catalog's product with the quantity and the price actually charged. */
public record OrderLine(int lineNo, String productId, String sku, String name, String category, int quantity,
                        BigDecimal unitPrice, BigDecimal lineTotal) {
}
