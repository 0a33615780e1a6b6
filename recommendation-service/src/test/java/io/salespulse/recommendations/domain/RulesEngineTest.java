package io.salespulse.recommendations.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.salespulse.recommendations.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RulesEngineTest {

    private final RulesEngine engine = new RulesEngine(RuleSet.fromClasspath());

    private Recommendations run(Instant now, Weather weather, List<StockInfo> stock, List<ExpiringLot> expiring) {
        var in = new RecommendationInput(now, List.of(LONDON), catalog(), stock, expiring,
                weather == null ? Map.of() : Map.of(LONDON.locationId(), weather), Map.of());
        return engine.recommend(in, List.of());
    }

    @Test
    void hotDayPromotesColdDrinksNotHotOnes() {
        var r = run(NOON_IN_JULY, weather("29.5", Weather.Condition.CLEAR), ordinaryStock(), List.of());

        assertThat(r.source()).isEqualTo("rules");
        assertThat(r.weather()).extracting(Weather::temperatureC).containsExactly(new BigDecimal("29.5"));
        assertThat(r.promotions()).filteredOn(p -> p.action() == Promotion.Action.PROMOTE)
                .extracting(Promotion::productId).contains(COLA.productId()).doesNotContain(ESPRESSO.productId());
        assertThat(r.promotions()).filteredOn(p -> p.productId().equals(COLA.productId())).first()
                .satisfies(p -> assertThat(p.reason()).contains("29.5"));
    }

    @Test
    void coldDayPromotesHotDrinksNotColdOnes() {
        var r = run(NOON_IN_JANUARY, weather("3", Weather.Condition.CLOUDY), ordinaryStock(), List.of());

        assertThat(r.promotions()).filteredOn(p -> p.action() == Promotion.Action.PROMOTE)
                .extracting(Promotion::productId).contains(ESPRESSO.productId()).doesNotContain(COLA.productId());
    }

    @Test
    void mildDryDayPromotesNothingForTheWeather() {
        var r = run(Instant.parse("2026-04-15T12:00:00Z"), weather("15", Weather.Condition.CLEAR), ordinaryStock(), List.of());

        assertThat(r.promotions()).isEmpty();
        assertThat(r.pricing()).isEmpty();
    }

    @Test
    void rainBundlesComfortSnacksOnlyWithTheRightCategory() {
        var biscuits = product("P-1040", "Butter biscuits", "biscuits", "1.90", "0.60", Map.of("kind", "snack"));
        var catalog = new java.util.HashMap<>(catalog());
        catalog.put(biscuits.productId(), biscuits);
        var in = new RecommendationInput(Instant.parse("2026-04-15T12:00:00Z"), List.of(LONDON), catalog, List.of(),
                List.of(), Map.of(LONDON.locationId(), weather("14", Weather.Condition.RAIN)), Map.of());

        var r = engine.recommend(in, List.of());

        assertThat(r.promotions()).extracting(Promotion::productId, Promotion::action)
                .containsExactly(tuple(biscuits.productId(), Promotion.Action.BUNDLE));
    }

    @Test
    void expiringStockIsDiscountedWithinBoundsAndExpiredStockIsNot() {
        var lots = List.of(new ExpiringLot(CRISPS.productId(), LONDON.locationId(), "L-7", 30, 2),
                new ExpiringLot(COLA.productId(), LONDON.locationId(), "L-8", 10, -1));
        var r = run(Instant.parse("2026-04-15T12:00:00Z"), null, ordinaryStock(), lots);

        assertThat(r.promotions()).extracting(Promotion::productId, Promotion::action)
                .containsExactly(tuple(CRISPS.productId(), Promotion.Action.DISCOUNT));
        assertThat(r.promotions().get(0).reason()).contains("30 units expire in 2 day(s)");
        assertThat(r.pricing()).singleElement().satisfies(p -> {
            assertThat(p.productId()).isEqualTo(CRISPS.productId());
            assertThat(p.suggestedPrice()).isEqualByComparingTo("1.28");
            assertThat(p.changePct()).isEqualByComparingTo("-14.7");
        });
    }

    @Test
    void slowMoverWithHighStockIsDiscounted() {
        var stock = List.of(level(MUG, 300, "0.1"), level(COLA, 200, "2"));
        var r = run(Instant.parse("2026-04-15T12:00:00Z"), null, stock, List.of());

        assertThat(r.promotions()).extracting(Promotion::productId, Promotion::action)
                .containsExactly(tuple(MUG.productId(), Promotion.Action.DISCOUNT));
        assertThat(r.pricing()).singleElement().satisfies(p -> {
            assertThat(p.currentPrice()).isEqualByComparingTo("9.90");
            assertThat(p.suggestedPrice()).isEqualByComparingTo("8.91");
            assertThat(p.changePct()).isEqualByComparingTo("-10.0");
        });
    }

    @Test
    void fastMoverWithLowCoverIsPricedUpWithinBoundsAndRestocked() {
        var stock = List.of(level(COLA, 30, "12"), level(ESPRESSO, 200, "2"));
        var r = run(Instant.parse("2026-04-15T12:00:00Z"), null, stock, List.of());

        assertThat(r.promotions()).extracting(Promotion::productId, Promotion::action)
                .containsExactly(tuple(COLA.productId(), Promotion.Action.RESTOCK));
        assertThat(r.pricing()).singleElement().satisfies(p -> {
            assertThat(p.suggestedPrice()).isEqualByComparingTo("1.89");
            assertThat(p.changePct()).isBetween(BigDecimal.ZERO, new BigDecimal("15"));
        });
    }

    @Test
    void velocityFallsBackToTodaysUnitsFromAnalytics() {
        var stock = List.of(new StockInfo(COLA.productId(), LONDON.locationId(), 30, 400, BigDecimal.ZERO));
        var in = new RecommendationInput(Instant.parse("2026-04-15T10:00:00Z"), List.of(LONDON), catalog(), stock,
                List.of(), Map.of(), Map.of(COLA.productId(), 100L));

        var r = engine.recommend(in, List.of("analytics: test"));

        assertThat(r.promotions()).extracting(Promotion::action).containsExactly(Promotion.Action.RESTOCK);
        assertThat(r.warnings()).containsExactly("analytics: test");
    }

    @Test
    void lastHoursPaceScalesTodaysVelocityWithinBounds() {
        // 40 cola today by 10:00 is 4 units/h: below the fast-mover threshold of 5
        var stock = List.of(new StockInfo(COLA.productId(), LONDON.locationId(), 30, 400, BigDecimal.ZERO));
        var now = Instant.parse("2026-04-15T10:00:00Z");
        var today = new SalesFigures.Window(200, new BigDecimal("900.00")); // 20 orders an hour on average
        var busy = new SalesFigures(Map.of(COLA.productId(), 40L), Map.of(COLA.productId(), 3L), today,
                new SalesFigures.Window(60, new BigDecimal("270.00")), new SalesFigures.Window(2, new BigDecimal("9.00")));
        var quiet = new SalesFigures(Map.of(COLA.productId(), 40L), Map.of(), today,
                new SalesFigures.Window(5, new BigDecimal("20.00")), null);

        assertThat(busy.paceFactor(now)).isEqualTo(2.0); // 60 against 20 an hour, capped at 2
        assertThat(quiet.paceFactor(now)).isEqualTo(0.5); // 5 against 20, floored at 0.5
        assertThat(SalesFigures.todayOnly(Map.of()).paceFactor(now)).isEqualTo(1.0);

        var fast = engine.recommend(new RecommendationInput(now, List.of(LONDON), catalog(), stock, List.of(),
                Map.of(), busy), List.of());
        assertThat(fast.promotions()).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(Promotion.Action.RESTOCK);
            assertThat(p.reason()).contains("8.00 units/h");
        });
        var calm = engine.recommend(new RecommendationInput(now, List.of(LONDON), catalog(), stock, List.of(),
                Map.of(), quiet), List.of());
        assertThat(calm.promotions()).isEmpty();
    }

    @Test
    void pricesNeverGoBelowCostNorBeyondTheLimit() {
        assertThat(Prices.adjusted(new BigDecimal("1.00"), new BigDecimal("0.95"), new BigDecimal("-50"), new BigDecimal("15")))
                .contains(new BigDecimal("0.95"));
        assertThat(Prices.adjusted(new BigDecimal("2.00"), new BigDecimal("0.50"), new BigDecimal("40"), new BigDecimal("15")))
                .contains(new BigDecimal("2.30"));
        assertThat(Prices.adjusted(new BigDecimal("1.00"), new BigDecimal("1.00"), new BigDecimal("-10"), new BigDecimal("15")))
                .isEmpty();
    }

    @Test
    void climatologyKnowsEveryDemoStoreAndNearbyCoordinates() {
        var normals = Climatology.fromClasspath();
        for (var id : List.of("ST-001", "ST-002", "ST-003", "ST-004", "ST-005", "ST-006")) {
            assertThat(normals.normalAt(new LocationInfo(id, id, "STORE", null, null, null), NOON_IN_JULY)).isPresent();
        }
        var leeds = new LocationInfo("ST-099", "Leeds Briggate", "STORE", 53.797, -1.543, "Europe/London");
        assertThat(normals.cityOf(leeds)).contains("Leeds");
        assertThat(normals.normalAt(new LocationInfo("ST-006", "Madrid", "STORE", null, null, null), NOON_IN_JULY))
                .get().satisfies(w -> {
                    assertThat(w.source()).isEqualTo("climatology");
                    assertThat(w.temperatureC()).isGreaterThan(new BigDecimal("22"));
                });
        assertThat(normals.normalAt(new LocationInfo("WEB-FC", "Online", "WAREHOUSE", null, null, null), NOON_IN_JULY)).isEmpty();
    }
}
