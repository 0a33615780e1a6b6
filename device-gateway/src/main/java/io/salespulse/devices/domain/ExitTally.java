package io.salespulse.devices.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The deduplicated EXIT-zone reads of one batch, per GTIN: how many units (new observations of a tag) and when the
 * first of them was read, which is the time inventory matches sales against. Keeps the EPCs too, so that a batch
 * whose EXIT_READ could not be published can forget them in the dedup window and count them when the reader retries.
 */
public final class ExitTally {
    /** Units of one GTIN that passed the exit in this batch. */
    public record Line(String gtin14, int units, Instant firstSeenAt) {
    }

    private final Map<String, Line> byGtin = new TreeMap<>();
    private final List<TagRead> reads = new ArrayList<>();
    private Instant first;
    private Instant last;

    public void add(Sgtin tag, TagRead read) {
        Instant at = read.timestamp();
        byGtin.merge(tag.gtin14(), new Line(tag.gtin14(), 1, at), (a, b) ->
                new Line(a.gtin14(), a.units() + 1, a.firstSeenAt().isBefore(at) ? a.firstSeenAt() : at));
        reads.add(read);
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }

    public boolean isEmpty() {
        return reads.isEmpty();
    }

    public int units() {
        return reads.size();
    }

    /** Lines in GTIN order. */
    public List<Line> lines() {
        return List.copyOf(byGtin.values());
    }

    /** The reads counted, for undoing their deduplication. */
    public List<TagRead> reads() {
        return List.copyOf(reads);
    }

    /**
     * A name-based UUID of the reader and its exit reads (EPC and read time): the same batch posted again, e.g.
     * retried after a gateway restart forgot the dedup window, yields the same observationId, and inventory, being
     * idempotent on it, does not count those units twice.
     */
    public UUID observationId(String deviceId) {
        var key = new StringBuilder(deviceId.length() + reads.size() * 40).append(deviceId);
        reads.stream().map(r -> r.epcHex().toUpperCase() + '@' + r.timestamp().toEpochMilli()).sorted()
                .forEach(r -> key.append('|').append(r));
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Instant firstReadAt() {
        return first;
    }

    public Instant lastReadAt() {
        return last;
    }
}
