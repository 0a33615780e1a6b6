package io.salespulse.devices.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * "The same EPC seen again by the same reader within the window is one observation." The window is measured in
 * read (event) time and starts at the first read of an observation, so a tag resting in front of an antenna yields
 * one observation per window rather than one per read. A read exactly {@code window} after the observation start
 * begins a new observation. State is bounded: entries expire (wall clock, twice the window so slightly late
 * batches still deduplicate) and the cache has a maximum size, evicting the least useful entries under pressure.
 */
public final class RfidDeduplicator {
    private final long windowMillis;
    private final Cache<String, Seen> seen;

    /** Mutable only inside the cache's atomic compute; identity tells a fresh observation from a duplicate. */
    private static final class Seen {
        final long at;

        Seen(long at) {
            this.at = at;
        }
    }

    public RfidDeduplicator(Duration window, long maxEntries) {
        this.windowMillis = window.toMillis();
        this.seen = Caffeine.newBuilder()
                .expireAfterWrite(window.multipliedBy(2))
                .maximumSize(maxEntries)
                .build();
    }

    /** True when this read starts a new observation of {@code epc} by {@code readerId}; false for a duplicate. */
    public boolean firstSeen(String readerId, String epc, long readTimeMillis) {
        var fresh = new Seen(readTimeMillis);
        Seen result = seen.asMap().compute(readerId + '|' + epc, (k, last) ->
                last == null || readTimeMillis - last.at >= windowMillis || readTimeMillis < last.at - windowMillis
                        ? fresh : last);
        return result == fresh;
    }

    /**
     * Forgets the observation that started with the read at {@code readTimeMillis}, when what it fed could not be
     * delivered (the reader retries the batch, and the retry must count it again). An observation started by a later
     * read is kept.
     */
    public void forget(String readerId, String epc, long readTimeMillis) {
        seen.asMap().computeIfPresent(readerId + '|' + epc, (k, last) -> last.at == readTimeMillis ? null : last);
    }

    public long windowMillis() {
        return windowMillis;
    }

    /** Approximate number of tracked (reader, EPC) pairs, for the gauge. */
    public long size() {
        // eviction runs asynchronously; settle it so the figure reflects the bound
        seen.cleanUp();
        return seen.estimatedSize();
    }
}
