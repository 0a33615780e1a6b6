package io.salespulse.inventory.domain;

import java.time.Instant;

/** Where stock is kept and sold: a store, a warehouse, the online fulfilment centre, a marketplace. */
public record Location(String id, String name, Kind kind, String region, String country, Double latitude,
                       Double longitude, String timeZone, boolean active, Instant createdAt, Instant updatedAt) {

    public enum Kind {
        STORE, WAREHOUSE, ONLINE, MARKETPLACE
    }
}
