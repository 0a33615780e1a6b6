package io.salespulse.analytics.domain;

import java.util.ArrayDeque;

/**
 * What is waiting to be written to one WebSocket client, bounded whatever the client's speed:
 * <ul>
 *   <li>one write in flight at a time, so at most one message sits in the network layer's buffer;</li>
 *   <li>snapshots coalesce: only the latest pending one is kept (older ones are dropped), and at most one is
 *       written per {@code snapshotInterval};</li>
 *   <li>events (order.recorded, alert, stock.level) queue up to {@code eventCapacity}; when full the oldest is
 *       dropped;</li>
 *   <li>a write pending longer than the caller's limit marks the client as stalled, to be closed.</li>
 * </ul>
 * Times are monotonic nanoseconds ({@link System#nanoTime()}), passed in so the policy tests without waiting.
 */
public final class ClientOutbox {
    public static final String SNAPSHOT = "analytics.snapshot";

    private final int eventCapacity;
    private final long snapshotIntervalNanos;
    private final ArrayDeque<Outgoing> events = new ArrayDeque<>();
    private String pendingSnapshot;
    private boolean snapshotSent;
    private long lastSnapshotAt;
    private boolean inFlight;
    private long inFlightSince;

    public ClientOutbox(int eventCapacity, long snapshotIntervalNanos) {
        if (eventCapacity < 1) {
            throw new IllegalArgumentException("eventCapacity must be positive");
        }
        this.eventCapacity = eventCapacity;
        this.snapshotIntervalNanos = snapshotIntervalNanos;
    }

    /** Queues an event; returns true when the oldest queued event had to be dropped for it. */
    public synchronized boolean offerEvent(String type, String text) {
        boolean dropped = false;
        if (events.size() == eventCapacity) {
            events.pollFirst();
            dropped = true;
        }
        events.addLast(new Outgoing(type, text));
        return dropped;
    }

    /** Makes {@code text} the snapshot to send next; returns true when it replaced one never sent. */
    public synchronized boolean offerSnapshot(String text) {
        boolean replaced = pendingSnapshot != null;
        pendingSnapshot = text;
        return replaced;
    }

    /**
     * The next message to write, or null when a write is still in flight or nothing may be sent now. A due
     * snapshot goes first so that a stream of events cannot starve the figures; the caller must call
     * {@link #written()} when the write completes.
     */
    public synchronized Outgoing next(long nowNanos) {
        if (inFlight) {
            return null;
        }
        Outgoing next = null;
        if (pendingSnapshot != null && (!snapshotSent || nowNanos - lastSnapshotAt >= snapshotIntervalNanos)) {
            next = new Outgoing(SNAPSHOT, pendingSnapshot);
            pendingSnapshot = null;
            snapshotSent = true;
            lastSnapshotAt = nowNanos;
        } else if (!events.isEmpty()) {
            next = events.pollFirst();
        }
        if (next != null) {
            inFlight = true;
            inFlightSince = nowNanos;
        }
        return next;
    }

    public synchronized void written() {
        inFlight = false;
    }

    /** True when a write has been pending for longer than {@code limitNanos}: the client does not read. */
    public synchronized boolean stalled(long nowNanos, long limitNanos) {
        return inFlight && nowNanos - inFlightSince > limitNanos;
    }

    public synchronized int queuedEvents() {
        return events.size();
    }

    public synchronized boolean hasPendingSnapshot() {
        return pendingSnapshot != null;
    }

    /** A message and its type (for metrics). */
    public record Outgoing(String type, String text) {
    }
}
