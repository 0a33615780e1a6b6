package io.salespulse.inventory.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The payloads this service publishes, field for field the contracts in deploy/contracts (component order is the
 * JSON order). Money travels as a string with two decimals, the contracts' preferred exact form.
 */
public final class EventPayloads {
    private EventPayloads() {
    }

    /** catalog.products.v1/product.schema.json */
    public record ProductPayload(String productId, String sku, String gtin, String name, String categoryId,
                                 List<String> categoryPath, String unitPrice, String unitCost, String currency,
                                 boolean active, Map<String, Object> attributes, Instant updatedAt) {
    }

    /** catalog.locations.v1/location.schema.json */
    public record LocationPayload(String locationId, String name, String kind, String region, String country,
                                  Double latitude, Double longitude, String timeZone, boolean active,
                                  Instant updatedAt) {
    }

    /** inventory.levels.v1/stock-level.schema.json */
    public record StockLevelPayload(String productId, String locationId, int onHand, int reserved, int reorderPoint,
                                    int criticalLevel, int targetLevel, String status, UUID causeEventId,
                                    Instant updatedAt) {
    }

    /** alerts.v1/alert.schema.json */
    public record AlertPayload(UUID alertId, String type, String state, String productId, String locationId,
                               String message, Map<String, Object> details, Instant occurredAt) {
    }
}
