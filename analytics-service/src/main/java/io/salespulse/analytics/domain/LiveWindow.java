package io.salespulse.analytics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * This instance's in-memory live state: the sliding minutes ({@link SlidingWindow}) and the last hour
 * ({@link MinuteSeries}), fed by the consumer after each committed batch and rebuilt from the database at start.
 *
 * <p>Exactly once per instance: every order goes through {@link #apply}, which takes it only if its id is not
 * remembered yet. An id is remembered as long as the order can still change the live figures (its event time is
 * within the last hour + 1 minute) and at least {@code pushGrace} after it was taken (so that a redelivery after a
 * crash is not pushed to WebSocket clients twice either). Whether the consumer or the rebuild sees an order first
 * does not matter. Thread-safe: one lock, held for microseconds.
 */
public final class LiveWindow {
    /** Events older than this at "now" cannot be in any live figure (lastHour shows 60 minutes). */
    static final Duration HORIZON = Duration.ofMinutes(MinuteSeries.SHOWN + 1);

    private final SlidingWindow seconds = new SlidingWindow();
    private final MinuteSeries minutes = new MinuteSeries();
    private final SeenOrders seen;
    private final Duration pushGrace;
    private long version;

    public LiveWindow(int maxTrackedOrders, Duration pushGrace) {
        this.seen = new SeenOrders(maxTrackedOrders);
        this.pushGrace = pushGrace;
    }

    /**
     * Takes the order into the live figures unless this instance has it already. Returns true when it is new to
     * this instance (then it is also worth pushing), even if it is too old or too far in the future to change a
     * live figure (those are counted in the database rollups only).
     */
    public synchronized boolean apply(LiveOrder order, Instant now) {
        seen.forget(now.getEpochSecond());
        long expiry = Math.max(order.occurredAt().plus(HORIZON).getEpochSecond(),
                now.plus(pushGrace).getEpochSecond());
        if (!seen.add(order.orderId(), expiry)) {
            return false;
        }
        // More than 5 s in the future: ingest rejects those; the window ignores them (the rollups keep them).
        if (!order.occurredAt().isAfter(now.plusSeconds(SlidingWindow.MAX_FUTURE_SECONDS))) {
            boolean changed = seconds.add(order, now);
            changed |= minutes.add(order, now);
            if (changed) {
                version++;
            }
        }
        return true;
    }

    /** Remembers an order this instance pushed before a restart (counted recently, too old for the figures). */
    public synchronized void rememberPushed(UUID orderId, Instant countedAt, Instant now) {
        seen.forget(now.getEpochSecond());
        seen.add(orderId, countedAt.plus(pushGrace).getEpochSecond());
    }

    public synchronized LiveFigures figures(Instant now, int topN) {
        Collection<ProductFigure> lastMinute = seconds.lastMinuteProducts(now);
        return new LiveFigures(seconds.minutes(now),
                Ranking.top(lastMinute, Ranking.BY_REVENUE, topN), Ranking.top(lastMinute, Ranking.BY_UNITS, topN),
                minutes.lastHour(now));
    }

    /** Increases whenever a live figure changed; snapshots are rebuilt only when it did (or time moved on). */
    public synchronized long version() {
        return version;
    }

    public synchronized int trackedOrders() {
        return seen.size();
    }

    public synchronized long forgottenEarly() {
        return seen.forgottenEarly();
    }
}
