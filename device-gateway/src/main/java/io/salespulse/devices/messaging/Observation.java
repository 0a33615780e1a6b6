package io.salespulse.devices.messaging;

import java.util.List;
import java.util.UUID;

/** Data of devices.observations.v1 (deploy/contracts/devices.observations.v1/observation.schema.json). */
public record Observation(UUID observationId, String deviceId, String locationId, String kind, String zone,
                          String startedAt, String endedAt, List<Count> counts) {
    public static final String EVENT_TYPE = "io.salespulse.observation.v1";
    public static final String CYCLE_COUNT = "CYCLE_COUNT";
    public static final String EXIT_READ = "EXIT_READ";

    /** {@code seenAt}: EXIT_READ only, when the first of these units was read at the exit; null for a count. */
    public record Count(String gtin, String productId, int count, String seenAt) {
    }
}
