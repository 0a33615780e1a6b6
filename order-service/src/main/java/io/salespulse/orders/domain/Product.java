package io.salespulse.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the catalog (catalog.products.v1) last described it. */
public record Product(String productId, String sku, String gtin, String name, String category,
                      BigDecimal unitPrice, String currency, boolean active, Instant updatedAt) {
}
