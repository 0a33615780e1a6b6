package io.salespulse.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A sellable item. Money has two decimals; {@code attributes} holds free-form facts (brand, size, season...). */
public record Product(String id, String sku, String gtin, String name, String categoryId, BigDecimal unitPrice,
                      BigDecimal unitCost, String currency, Map<String, Object> attributes, boolean active,
                      Instant createdAt, Instant updatedAt) {
}
