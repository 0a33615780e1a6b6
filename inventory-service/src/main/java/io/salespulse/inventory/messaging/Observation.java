package io.salespulse.inventory.messaging;

import io.salespulse.inventory.domain.Gtin;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What inventory-service needs of a devices.observations.v1 record (its own type, proven against the contract in
 * ObservationParserTest): which reader counted which GTINs how often, where and when.
 */
public record Observation(UUID observationId, String deviceId, String locationId, Kind kind, String zone,
                          Instant startedAt, Instant endedAt, List<Count> counts) {

    public enum Kind {
        /** A count of the stock of a location (or zone): reconciled with the books. */
        CYCLE_COUNT,
        /** Tags that passed an EXIT zone: matched with recorded sales, unjustified units are possible shrinkage. */
        EXIT_READ
    }

    /**
     * Units of one GTIN seen; {@code productId} as device-gateway resolved it (null when it did not know);
     * {@code seenAt} (EXIT_READ) when the first of them passed the exit, null when not sent.
     */
    public record Count(String gtin, String productId, int count, Instant seenAt) {
    }

    /** The valid GTINs of the counts as 14 digits, to resolve against the catalog. */
    public Set<String> gtin14s() {
        Set<String> gtin14s = new HashSet<>();
        for (Count count : counts) {
            if (Gtin.isValid(count.gtin())) {
                gtin14s.add(Gtin.normalize(count.gtin()));
            }
        }
        return gtin14s;
    }

    /** The productIds device-gateway resolved. */
    public Set<String> productIds() {
        Set<String> ids = new HashSet<>();
        for (Count count : counts) {
            if (count.productId() != null) {
                ids.add(count.productId());
            }
        }
        return ids;
    }
}
