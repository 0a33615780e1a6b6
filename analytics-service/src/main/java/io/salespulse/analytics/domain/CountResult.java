package io.salespulse.analytics.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Outcome of counting a batch: {@code counted} = orders this transaction added to the rollups;
 * {@code countedBefore} = orders already counted (a redelivery, or a replica won the race). Both belong in this
 * instance's live window. An order in neither had an event id that was counted under another order id.
 */
public record CountResult(Set<UUID> counted, Set<UUID> countedBefore) {
    public static final CountResult NONE = new CountResult(Set.of(), Set.of());

    public CountResult {
        counted = Set.copyOf(counted);
        countedBefore = Set.copyOf(countedBefore);
    }

    public boolean isCounted(UUID orderId) {
        return counted.contains(orderId) || countedBefore.contains(orderId);
    }

    public CountResult plus(CountResult other) {
        Set<UUID> c = new HashSet<>(counted);
        c.addAll(other.counted);
        Set<UUID> b = new HashSet<>(countedBefore);
        b.addAll(other.countedBefore);
        return new CountResult(c, b);
    }
}
