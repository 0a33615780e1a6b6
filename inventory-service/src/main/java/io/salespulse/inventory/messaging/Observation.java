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
        /** Tags read at an exit: not a count of stock, ignored here. */
        EXIT_READ
    }

    /** Units of one GTIN seen; {@code productId} as device-gateway resolved it (null when it did not know). */
    public record Count(String gtin, String productId, int count) {
    }
}
