package io.salespulse.recommendations.domain;

import java.time.Clock;

/**
 * At most {@code perMinute} LLM calls per clock minute (fixed window): caps the bill when a dashboard refreshes
 * too eagerly or retries pile up. Over budget, the caller falls back to the rules engine.
 */
public final class CallBudget {

    private final int perMinute;
    private final Clock clock;
    private long window = -1;
    private int used;

    public CallBudget(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public synchronized boolean tryAcquire() {
        long minute = clock.millis() / 60_000;
        if (minute != window) {
            window = minute;
            used = 0;
        }
        if (used >= perMinute) {
            return false;
        }
        used++;
        return true;
    }
}
