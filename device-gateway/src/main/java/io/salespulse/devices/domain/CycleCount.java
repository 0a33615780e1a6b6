package io.salespulse.devices.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A running cycle count of one reader: distinct tags (EPCs) per GTIN. Distinct serials, not reads, so a tag read
 * a hundred times during the count is one unit. Synchronized: batches of one reader may arrive concurrently.
 */
public final class CycleCount {
    private final String deviceId;
    private final String zone;
    private final Instant startedAt;
    private final Map<String, Set<Long>> serialsByGtin = new HashMap<>();

    public CycleCount(String deviceId, String zone, Instant startedAt) {
        this.deviceId = deviceId;
        this.zone = zone;
        this.startedAt = startedAt;
    }

    public synchronized void add(Sgtin tag) {
        serialsByGtin.computeIfAbsent(tag.gtin14(), g -> new HashSet<>()).add(tag.serial());
    }

    public synchronized Map<String, Integer> countsByGtin() {
        var counts = new HashMap<String, Integer>();
        serialsByGtin.forEach((gtin, serials) -> counts.put(gtin, serials.size()));
        return counts;
    }

    public String deviceId() {
        return deviceId;
    }

    public String zone() {
        return zone;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
