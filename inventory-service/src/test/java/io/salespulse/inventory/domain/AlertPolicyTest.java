package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.salespulse.inventory.domain.AlertDecision.Action.RAISE;
import static io.salespulse.inventory.domain.AlertDecision.Action.RESOLVE;
import static io.salespulse.inventory.domain.AlertType.CRITICAL_STOCK;
import static io.salespulse.inventory.domain.AlertType.LOW_STOCK;
import static io.salespulse.inventory.domain.AlertType.OUT_OF_STOCK;
import static io.salespulse.inventory.domain.AlertType.STOCKOUT_PREDICTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The alert state machine as a store sees it: levels going down with sales and up with deliveries. */
class AlertPolicyTest {
    private static final LevelKey LEVEL = new LevelKey("P-1001", "ST-001");
    private static final Thresholds THRESHOLDS = new Thresholds(5, 2, 20);
    private static final Duration HALF_LIFE = Duration.ofHours(6);
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final AlertPolicy policy = new AlertPolicy(0, Duration.ofHours(24), HALF_LIFE);

    /** Feeds levels one after the other, keeping the open alerts like the database does; returns every change. */
    private static final class Store {
        private final AlertPolicy policy;
        private final Set<AlertType> open = EnumSet.noneOf(AlertType.class);
        private final List<String> transitions = new ArrayList<>();

        Store(AlertPolicy policy) {
            this.policy = policy;
        }

        Store level(int onHand) {
            return level(onHand, SalesVelocity.none());
        }

        Store level(int onHand, SalesVelocity velocity) {
            var decisions = policy.evaluate(new AlertPolicy.Observation(LEVEL, onHand, THRESHOLDS, velocity, NOW),
                    open);
            for (AlertDecision d : decisions) {
                if (d.action() == RAISE) {
                    assertThat(open.add(d.type())).as("raised while open: " + d.type()).isTrue();
                } else {
                    assertThat(open.remove(d.type())).as("resolved while not open: " + d.type()).isTrue();
                }
                transitions.add(d.action() + " " + d.type());
            }
            return this;
        }
    }

    @Test
    void lowThenOutThenRecoveryRaisesEachOnceAndResolvesBoth() {
        Store store = new Store(policy).level(20).level(4).level(3).level(0).level(-2).level(0).level(20);

        assertThat(store.transitions).containsExactly(
                "RAISE LOW_STOCK", "RAISE OUT_OF_STOCK", "RESOLVE LOW_STOCK", "RESOLVE OUT_OF_STOCK");
    }

    @Test
    void salesBelowTheReorderPointRaiseNoMoreAlerts() {
        Store store = new Store(policy).level(5).level(4).level(4).level(3);

        assertThat(store.transitions).containsExactly("RAISE LOW_STOCK");
    }

    @Test
    void aLevelPassingThroughTheCriticalBandRaisesCriticalWhichStaysOpenWhenOut() {
        Store store = new Store(policy).level(4).level(2).level(0).level(1).level(3);

        assertThat(store.transitions).containsExactly("RAISE LOW_STOCK", "RAISE CRITICAL_STOCK",
                "RAISE OUT_OF_STOCK", "RESOLVE OUT_OF_STOCK", "RESOLVE CRITICAL_STOCK");
        assertThat(store.open).containsExactly(LOW_STOCK);
    }

    @Test
    void aLevelJumpingStraightToZeroRaisesOutOfStockButNotCritical() {
        Store store = new Store(policy).level(12).level(0);

        assertThat(store.transitions).containsExactly("RAISE LOW_STOCK", "RAISE OUT_OF_STOCK");
    }

    @Test
    void oversellingIsFlaggedInTheOutOfStockAlert() {
        var decisions = policy.evaluate(new AlertPolicy.Observation(LEVEL, -3, THRESHOLDS, SalesVelocity.none(),
                NOW), Set.of(LOW_STOCK));

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(OUT_OF_STOCK);
            assertThat(d.details()).containsEntry("oversold", true).containsEntry("onHand", -3)
                    .containsEntry("status", "OVERSOLD");
        });
    }

    @Test
    void aMarginKeepsAlertsOpenWhileTheLevelHoversAboveTheThreshold() {
        AlertPolicy withMargin = new AlertPolicy(2, Duration.ofHours(24), HALF_LIFE);
        Store store = new Store(withMargin).level(5).level(6).level(7).level(5).level(8);

        assertThat(store.transitions).containsExactly("RAISE LOW_STOCK", "RESOLVE LOW_STOCK");
    }

    @Test
    void withoutAMarginTheThresholdItselfIsTheBorder() {
        Store store = new Store(policy).level(5).level(6).level(5);

        assertThat(store.transitions).containsExactly("RAISE LOW_STOCK", "RESOLVE LOW_STOCK", "RAISE LOW_STOCK");
    }

    @Test
    void aFastSellingLevelRaisesAStockoutPredictionOnce() {
        // 30 units sold an hour ago: about 3.1 units/h now, so 15 left last under 5 hours, 12 under 4
        SalesVelocity velocity = SalesVelocity.none().record(30, NOW.minus(Duration.ofHours(1)), HALF_LIFE);
        Store store = new Store(policy).level(15, velocity).level(12, velocity);

        assertThat(store.transitions).containsExactly("RAISE STOCKOUT_PREDICTED");
    }

    @Test
    void thePredictionCarriesTheForecast() {
        SalesVelocity velocity = new SalesVelocity(4, NOW);
        var decisions = policy.evaluate(new AlertPolicy.Observation(LEVEL, 12, THRESHOLDS, velocity, NOW), Set.of());

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(STOCKOUT_PREDICTED);
            assertThat(d.details().get("hoursToStockout").toString()).isEqualTo("3.00");
            assertThat(d.details()).containsEntry("predictedStockoutAt", "2026-01-15T15:00:00Z");
        });
    }

    @Test
    void thePredictionResolvesWhenStockArrivesAndGivesWayToOutOfStock() {
        SalesVelocity velocity = new SalesVelocity(4, NOW);
        Store restocked = new Store(policy).level(12, velocity).level(200, velocity);
        assertThat(restocked.transitions).containsExactly("RAISE STOCKOUT_PREDICTED", "RESOLVE STOCKOUT_PREDICTED");

        Store emptied = new Store(policy).level(12, velocity).level(0, velocity);
        assertThat(emptied.transitions).containsExactly("RAISE STOCKOUT_PREDICTED", "RAISE LOW_STOCK",
                "RAISE OUT_OF_STOCK", "RESOLVE STOCKOUT_PREDICTED");
    }

    @Test
    void slowSalesPredictNothing() {
        SalesVelocity velocity = new SalesVelocity(0.1, NOW);
        Store store = new Store(policy).level(12, velocity).level(11, velocity);

        assertThat(store.transitions).isEmpty();
    }

    @Test
    void decisionsSayWhy() {
        var resolve = policy.evaluate(new AlertPolicy.Observation(LEVEL, 20, THRESHOLDS, SalesVelocity.none(), NOW),
                Set.of(LOW_STOCK, CRITICAL_STOCK));

        assertThat(resolve).extracting(AlertDecision::action).containsOnly(RESOLVE);
        assertThat(resolve).allSatisfy(d -> assertThat(d.details()).containsEntry("reason", "RECOVERED")
                .containsEntry("onHand", 20));
    }
}
