package io.salespulse.analytics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Revenue and orders per minute of the last hour by event time, in a ring of one-minute slots keyed by epoch
 * minute (minute {@code m} = {@code [m*60, m*60+60)}), reset lazily like {@link SlidingWindow}. Not thread-safe.
 */
public final class MinuteSeries {
    static final int SHOWN = 60;
    /** The 60 shown minutes plus the next one (an event up to 5 s in the future may fall into it). */
    private static final int SLOTS = 64;

    private final long[] minute = new long[SLOTS];
    private final long[] revenueCents = new long[SLOTS];
    private final long[] orders = new long[SLOTS];

    public MinuteSeries() {
        Arrays.fill(minute, Long.MIN_VALUE);
    }

    static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60L);
    }

    /** Adds the order if its minute is one of the last hour's (or the next) seen at {@code now}. */
    public boolean add(LiveOrder order, Instant now) {
        long current = minuteOf(now);
        long m = minuteOf(order.occurredAt());
        if (m <= current - SHOWN || m > current + 1) {
            return false;
        }
        int index = (int) Math.floorMod(m, (long) SLOTS);
        if (minute[index] != m) {
            if (minute[index] > m) {
                return false;
            }
            minute[index] = m;
            revenueCents[index] = 0;
            orders[index] = 0;
        }
        revenueCents[index] += order.totalCents();
        orders[index] += order.type().orderCount();
        return true;
    }

    /** The 60 minutes ending with the current one, oldest first, empty minutes included. */
    public List<MinutePoint> lastHour(Instant now) {
        long current = minuteOf(now);
        List<MinutePoint> points = new ArrayList<>(SHOWN);
        for (long m = current - SHOWN + 1; m <= current; m++) {
            int index = (int) Math.floorMod(m, (long) SLOTS);
            boolean filled = minute[index] == m;
            points.add(new MinutePoint(Instant.ofEpochSecond(m * 60),
                    Money.ofCents(filled ? revenueCents[index] : 0), filled ? orders[index] : 0));
        }
        return points;
    }
}
