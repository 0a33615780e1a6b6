package io.salespulse.devices.messaging;

import java.util.List;
import java.util.UUID;

/** Data of devices.observations.v1 (deploy/contracts/devices.observations.v1/observation.schema.json). */
public record Observation(UUID observationId, String deviceId, String locationId, String kind, String zone,
                          String startedAt, String endedAt, List<Count> counts) {
    public static final String EVENT_TYPE = "io.salespulse.observation.v1";

    public record Count(String gtin, String productId, int count) {
    }
}
