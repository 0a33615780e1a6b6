package io.salespulse.inventory.messaging;

import java.time.Instant;
import java.util.List;
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
}
