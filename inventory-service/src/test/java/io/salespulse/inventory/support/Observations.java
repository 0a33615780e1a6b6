package io.salespulse.inventory.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Object mother of devices.observations.v1 payloads, shaped like device-gateway's (contract-valid). */
public final class Observations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode observation = JSON.createObjectNode();
    private final ArrayNode counts = JSON.createArrayNode();

    private Observations(String kind, String locationId) {
        Instant ended = Instant.now();
        observation.put("observationId", UUID.randomUUID().toString());
        observation.put("deviceId", "RFID-" + locationId);
        observation.put("locationId", locationId);
        observation.put("kind", kind);
        observation.put("zone", "sales-floor");
        observation.put("startedAt", ended.minusSeconds(900).toString());
        observation.put("endedAt", ended.toString());
        observation.set("counts", counts);
    }

    public static Observations aCycleCount(String locationId) {
        return new Observations("CYCLE_COUNT", locationId);
    }

    public static Observations anExitRead(String locationId) {
        return new Observations("EXIT_READ", locationId);
    }

    /** A count of a GTIN; {@code productId} as device-gateway resolved it, null when it did not know the GTIN. */
    public Observations count(String gtin, String productId, int count) {
        ObjectNode line = counts.addObject().put("gtin", gtin);
        if (productId == null) {
            line.putNull("productId");
        } else {
            line.put("productId", productId);
        }
        line.put("count", count);
        return this;
    }

    /** An EXIT_READ line: {@code units} of a GTIN passed the exit, the first at {@code seenAt}. */
    public Observations exit(String gtin, String productId, int units, String seenAt) {
        count(gtin, productId, units);
        ((ObjectNode) counts.get(counts.size() - 1)).put("seenAt", seenAt);
        return this;
    }

    /** Sets startedAt and endedAt (an exit read spans its batch's reads). */
    public Observations between(Instant startedAt, Instant endedAt) {
        observation.put("startedAt", startedAt.toString());
        observation.put("endedAt", endedAt.toString());
        return this;
    }

    public Observations zone(String zone) {
        observation.put("zone", zone);
        return this;
    }

    public String observationId() {
        return observation.get("observationId").asText();
    }

    /** The Kafka key device-gateway uses: the locationId. */
    public String key() {
        return observation.get("locationId").asText();
    }

    public String json() {
        return observation.toString();
    }
}
