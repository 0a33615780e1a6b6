package io.salespulse.inventory;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.domain.Location;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.List;

/**
 * Makes sure the quarantine location of damaged returns exists. Created through the catalog rather than by a
 * migration, so that it is published to catalog.locations.v1 like any location (other services see stock levels
 * there) and follows {@code inventory.quarantine-location} if that is configured differently.
 */
@ApplicationScoped
public class QuarantineLocation {
    private final CatalogService catalog;
    private final LocationRepository locations;
    private final String id;

    public QuarantineLocation(CatalogService catalog, LocationRepository locations, InventoryConfig config) {
        this.catalog = catalog;
        this.locations = locations;
        this.id = config.quarantineLocation();
    }

    void ensure(@Observes StartupEvent event) {
        if (!locations.existing(List.of(id)).isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            catalog.createLocation(new Location(id, "Quarantine (damaged returns)", Location.Kind.WAREHOUSE,
                    "INTERNAL", null, null, null, "UTC", true, now, now));
            Log.infof("Created quarantine location %s", id);
        } catch (ProblemException e) {
            // Another instance created it at the same time (409).
            Log.debugf("Quarantine location %s: %s", id, e.getMessage());
        }
    }
}
