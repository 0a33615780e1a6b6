package io.salespulse.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Exponentially weighted sales rate of one product at one location, in units per hour, as of {@code asOf}.
 *
 * <p>Each sale of q units at time t is an impulse worth {@code q·λ·e^(-λ(T-t))} at a later time T, with
 * {@code λ = ln 2 / halfLife}: a sale counts half as much one half-life later, and a steady rate r produces an
 * estimate of exactly r. Because the estimate is a sum of impulses, the order in which sales are recorded does not
 * matter (late events and concurrent batches merge exactly), and nothing but (rate, asOf) has to be stored.
 */
public record SalesVelocity(double unitsPerHour, Instant asOf) {
    private static final double LN2 = Math.log(2);
    private static final SalesVelocity NONE = new SalesVelocity(0, null);

    public static SalesVelocity none() {
        return NONE;
    }

    /** The estimate after {@code units} more were sold at {@code at} (event time). */
    public SalesVelocity record(int units, Instant at, Duration halfLife) {
        return merge(new SalesVelocity(units * LN2 / hours(halfLife), at), halfLife);
    }

    /** The estimate of both sets of sales, referred to the later of the two times. */
    public SalesVelocity merge(SalesVelocity other, Duration halfLife) {
        if (other.asOf == null) {
            return this;
        }
        if (asOf == null) {
            return other;
        }
        Instant latest = asOf.isAfter(other.asOf) ? asOf : other.asOf;
        return new SalesVelocity(rateAt(latest, halfLife) + other.rateAt(latest, halfLife), latest);
    }

    /** Units per hour at {@code when}: decayed since the last sale, never extrapolated backwards. */
    public double rateAt(Instant when, Duration halfLife) {
        if (asOf == null) {
            return 0;
        }
        if (!when.isAfter(asOf)) {
            return unitsPerHour;
        }
        double elapsedHours = Duration.between(asOf, when).toMillis() / 3_600_000.0;
        return unitsPerHour * Math.pow(2, -elapsedHours / hours(halfLife));
    }

    /**
     * Hours until {@code onHand} is sold at the current rate: {@code onHand / rate}; 0 when nothing is left, empty
     * when nothing sells.
     */
    public OptionalDouble hoursToStockout(int onHand, Instant now, Duration halfLife) {
        if (onHand <= 0) {
            return OptionalDouble.of(0);
        }
        double rate = rateAt(now, halfLife);
        return rate > 0 ? OptionalDouble.of(onHand / rate) : OptionalDouble.empty();
    }

    private static double hours(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The half-life must be positive");
        }
        return duration.toMillis() / 3_600_000.0;
    }
}
