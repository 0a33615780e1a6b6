package io.salespulse.orders.domain;

import java.time.Instant;

/** A store, warehouse, online shop or marketplace as the catalog (catalog.locations.v1) last described it. */
public record Location(String locationId, String name, String kind, String region, String country,
                       String timeZone, boolean active, Instant updatedAt) {
}
