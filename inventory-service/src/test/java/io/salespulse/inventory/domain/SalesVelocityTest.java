package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SalesVelocityTest {
    private static final Duration HALF_LIFE = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-01-15T08:00:00Z");

    @Test
    void aSteadyRateIsEstimatedAsThatRate() {
        SalesVelocity velocity = SalesVelocity.none();
        // 10 units an hour, one unit every 6 minutes, for two days
        for (int minute = 0; minute <= 48 * 60; minute += 6) {
            velocity = velocity.record(1, T0.plus(Duration.ofMinutes(minute)), HALF_LIFE);
        }
        assertThat(velocity.rateAt(T0.plus(Duration.ofHours(48)), HALF_LIFE)).isCloseTo(10.0, within(0.1));
    }

    @Test
    void aSaleCountsHalfAsMuchOneHalfLifeLater() {
        SalesVelocity velocity = SalesVelocity.none().record(12, T0, HALF_LIFE);
        double atSale = velocity.rateAt(T0, HALF_LIFE);
        assertThat(velocity.rateAt(T0.plus(HALF_LIFE), HALF_LIFE)).isCloseTo(atSale / 2, within(1e-9));
        assertThat(velocity.rateAt(T0.plus(HALF_LIFE.multipliedBy(2)), HALF_LIFE)).isCloseTo(atSale / 4, within(1e-9));
        // 12 units · ln2 / 6 h
        assertThat(atSale).isCloseTo(12 * Math.log(2) / 6, within(1e-9));
    }

    @Test
    void theOrderInWhichSalesArriveDoesNotMatter() {
        Instant a = T0;
        Instant b = T0.plus(Duration.ofMinutes(90));
        Instant c = T0.plus(Duration.ofHours(5));
        SalesVelocity inOrder = SalesVelocity.none().record(3, a, HALF_LIFE).record(5, b, HALF_LIFE)
                .record(2, c, HALF_LIFE);
        SalesVelocity late = SalesVelocity.none().record(2, c, HALF_LIFE).record(3, a, HALF_LIFE)
                .record(5, b, HALF_LIFE);
        SalesVelocity batchesMerged = SalesVelocity.none().record(5, b, HALF_LIFE)
                .merge(SalesVelocity.none().record(3, a, HALF_LIFE).record(2, c, HALF_LIFE), HALF_LIFE);
        Instant now = T0.plus(Duration.ofHours(8));
        double expected = inOrder.rateAt(now, HALF_LIFE);
        assertThat(late.rateAt(now, HALF_LIFE)).isCloseTo(expected, within(1e-9));
        assertThat(batchesMerged.rateAt(now, HALF_LIFE)).isCloseTo(expected, within(1e-9));
        assertThat(late.asOf()).isEqualTo(c);
    }

    @Test
    void predictsHoursToStockoutAsOnHandOverVelocity() {
        // 10 units/h steady state
        SalesVelocity velocity = new SalesVelocity(10, T0);
        assertThat(velocity.hoursToStockout(25, T0, HALF_LIFE)).hasValueCloseTo(2.5, within(1e-9));
        // six hours without sales: the rate has halved, the same stock lasts twice as long
        assertThat(velocity.hoursToStockout(25, T0.plus(HALF_LIFE), HALF_LIFE)).hasValueCloseTo(5.0, within(1e-9));
    }

    @Test
    void nothingLeftIsZeroHoursAndNoSalesIsNoPrediction() {
        assertThat(new SalesVelocity(10, T0).hoursToStockout(0, T0, HALF_LIFE)).hasValue(0);
        assertThat(new SalesVelocity(10, T0).hoursToStockout(-3, T0, HALF_LIFE)).hasValue(0);
        assertThat(SalesVelocity.none().hoursToStockout(25, T0, HALF_LIFE)).isEmpty();
    }

    @Test
    void theRateIsNeverExtrapolatedBackwards() {
        SalesVelocity velocity = new SalesVelocity(4, T0);
        assertThat(velocity.rateAt(T0.minus(Duration.ofHours(1)), HALF_LIFE)).isEqualTo(4);
    }
}
