package io.salespulse.analytics.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Order ids this instance has already taken into its live state, each remembered until it can no longer change
 * it (see {@link LiveWindow}). Ids are bucketed by the minute they expire in, so forgetting is cheap. Bounded: past
 * {@code maxEntries} the ids closest to expiry are forgotten early and counted. Not thread-safe.
 */
final class SeenOrders {
    private final Map<UUID, Long> expiryById = new HashMap<>();
    private final TreeMap<Long, List<UUID>> idsByExpiryMinute = new TreeMap<>();
    private final int maxEntries;
    private long forgottenEarly;

    SeenOrders(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    boolean contains(UUID id) {
        return expiryById.containsKey(id);
    }

    /** Remembers {@code id} until {@code expiresAt} (epoch second); returns false if it was known already. */
    boolean add(UUID id, long expiresAt) {
        if (expiryById.putIfAbsent(id, expiresAt) != null) {
            return false;
        }
        // Bucket = the minute after the expiry second, so that no id is forgotten before its time.
        idsByExpiryMinute.computeIfAbsent(Math.floorDiv(expiresAt, 60L) + 1, k -> new ArrayList<>()).add(id);
        while (expiryById.size() > maxEntries) {
            var oldest = idsByExpiryMinute.pollFirstEntry();
            oldest.getValue().forEach(expiryById::remove);
            forgottenEarly += oldest.getValue().size();
        }
        return true;
    }

    /** Forgets the ids whose time is over at {@code now} (epoch second). */
    void forget(long now) {
        while (!idsByExpiryMinute.isEmpty() && idsByExpiryMinute.firstKey() * 60 <= now) {
            idsByExpiryMinute.pollFirstEntry().getValue().forEach(expiryById::remove);
        }
    }

    int size() {
        return expiryById.size();
    }

    long forgottenEarly() {
        return forgottenEarly;
    }
}
