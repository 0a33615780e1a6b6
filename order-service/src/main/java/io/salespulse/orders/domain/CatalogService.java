package io.salespulse.orders.domain;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.orders.data.LocationRepository;
import io.salespulse.orders.data.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps orders.products and orders.locations equal to the compacted catalog topics. */
@ApplicationScoped
public class CatalogService {
    private final ProductRepository products;
    private final LocationRepository locations;

    public CatalogService(ProductRepository products, LocationRepository locations) {
        this.products = products;
        this.locations = locations;
    }

    /** Applies a batch of catalog records in one transaction, in JDBC batches. */
    @Transactional
    @WithSpan("CatalogService.apply")
    public void apply(List<CatalogChange> changes) {
        // Compaction semantics: only the last record of a key counts (records of one key share a partition, so
        // the batch holds them in offset order), unless it is an older state than one before it.
        Map<String, CatalogChange> latest = new LinkedHashMap<>();
        for (CatalogChange change : changes) {
            CatalogChange previous = latest.get(change.key());
            if (previous != null && isNewer(previous, change)) {
                continue;
            }
            latest.remove(change.key());
            latest.put(change.key(), change);
        }
        List<Product> productUpserts = new ArrayList<>();
        List<String> productDeletes = new ArrayList<>();
        List<Location> locationUpserts = new ArrayList<>();
        List<String> locationDeletes = new ArrayList<>();
        for (CatalogChange change : latest.values()) {
            if (change instanceof CatalogChange.ProductUpsert upsert) {
                productUpserts.add(upsert.product());
            } else if (change instanceof CatalogChange.ProductDeleted deleted) {
                productDeletes.add(deleted.productId());
            } else if (change instanceof CatalogChange.LocationUpsert upsert) {
                locationUpserts.add(upsert.location());
            } else if (change instanceof CatalogChange.LocationDeleted deleted) {
                locationDeletes.add(deleted.locationId());
            }
        }
        products.deleteAll(productDeletes);
        List<String> skipped = products.upsertAll(productUpserts);
        if (!skipped.isEmpty()) {
            Log.warnf("Catalog: kept products %s at their stored state: their sku or gtin belongs to a newer product",
                    skipped);
        }
        locations.deleteAll(locationDeletes);
        locations.upsertAll(locationUpserts);
    }

    /** True if both are states (not tombstones) and {@code a} is the more recent one. */
    private static boolean isNewer(CatalogChange a, CatalogChange b) {
        Instant first = updatedAt(a);
        Instant second = updatedAt(b);
        return first != null && second != null && first.isAfter(second);
    }

    private static Instant updatedAt(CatalogChange change) {
        if (change instanceof CatalogChange.ProductUpsert upsert) {
            return upsert.product().updatedAt();
        }
        if (change instanceof CatalogChange.LocationUpsert upsert) {
            return upsert.location().updatedAt();
        }
        return null;
    }
}
