package io.salespulse.devices.data;

import io.salespulse.devices.domain.CatalogProduct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product catalog by GTIN-14, filled from the compacted topic catalog.products.v1 by every instance (its own
 * consumer group), so scans are priced without a call to inventory-service.
 */
@ApplicationScoped
public class CatalogCache {
    private final Map<String, CatalogProduct> byGtin = new ConcurrentHashMap<>();
    private final Map<String, String> gtinByProduct = new ConcurrentHashMap<>();

    public void put(CatalogProduct p) {
        String previous = p.gtin14() == null ? gtinByProduct.remove(p.productId())
                : gtinByProduct.put(p.productId(), p.gtin14());
        if (previous != null && !previous.equals(p.gtin14())) {
            byGtin.remove(previous);
        }
        if (p.gtin14() != null) {
            byGtin.put(p.gtin14(), p);
        }
    }

    /** A tombstone: the product is gone. */
    public void remove(String productId) {
        String gtin = gtinByProduct.remove(productId);
        if (gtin != null) {
            byGtin.remove(gtin);
        }
    }

    /** By GTIN-14 (callers normalise shorter GTINs with {@code Gs1.toGtin14}). */
    public CatalogProduct byGtin14(String gtin14) {
        return byGtin.get(gtin14);
    }

    public int size() {
        return byGtin.size();
    }
}
