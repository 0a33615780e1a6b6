package io.salespulse.orders.domain;

/** One record of the compacted catalog topics: the current state of a key, or its deletion (a tombstone). */
public sealed interface CatalogChange {

    /** The key this change is about; within a batch only the last change of a key counts. */
    String key();

    record ProductUpsert(Product product) implements CatalogChange {
        @Override
        public String key() {
            return "product:" + product.productId();
        }
    }

    record ProductDeleted(String productId) implements CatalogChange {
        @Override
        public String key() {
            return "product:" + productId;
        }
    }

    record LocationUpsert(Location location) implements CatalogChange {
        @Override
        public String key() {
            return "location:" + location.locationId();
        }
    }

    record LocationDeleted(String locationId) implements CatalogChange {
        @Override
        public String key() {
            return "location:" + locationId;
        }
    }
}
