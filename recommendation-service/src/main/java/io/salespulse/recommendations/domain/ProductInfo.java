package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.util.Map;

/** What the rules need of a catalog product (inventory-service's {@code GET /products}). */
public record ProductInfo(String productId, String name, String categoryId, BigDecimal unitPrice,
                          BigDecimal unitCost, Map<String, String> attributes) {

    public ProductInfo {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
