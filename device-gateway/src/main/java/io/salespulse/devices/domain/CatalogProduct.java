package io.salespulse.devices.domain;

import java.math.BigDecimal;

/** What the gateway needs of a catalog product to price a scan. */
public record CatalogProduct(String productId, String sku, String gtin14, BigDecimal unitPrice, String currency,
                             boolean active) {
}
