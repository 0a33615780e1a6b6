package io.salespulse.orders.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The catalog rows a batch of sale events refers to, indexed the three ways a line can name a product. */
public final class ReferenceData {
    private final Map<String, Product> byId = new HashMap<>();
    private final Map<String, Product> bySku = new HashMap<>();
    private final Map<String, Product> byGtin = new HashMap<>();
    private final Map<String, Location> locations = new HashMap<>();

    public ReferenceData(Collection<Product> products, Collection<Location> locations) {
        for (Product product : products) {
            byId.put(product.productId(), product);
            bySku.put(product.sku(), product);
            if (product.gtin() != null) {
                byGtin.put(product.gtin(), product);
            }
        }
        for (Location location : locations) {
            this.locations.put(location.locationId(), location);
        }
    }

    /** The product of a line: by productId, else by sku, else by gtin; null when none of them is known. */
    public Product product(SaleEvent.Line line) {
        Product product = line.productId() == null ? null : byId.get(line.productId());
        if (product == null && line.sku() != null) {
            product = bySku.get(line.sku());
        }
        if (product == null && line.gtin() != null) {
            product = byGtin.get(line.gtin());
        }
        return product;
    }

    public Location location(String locationId) {
        return locations.get(locationId);
    }
}
