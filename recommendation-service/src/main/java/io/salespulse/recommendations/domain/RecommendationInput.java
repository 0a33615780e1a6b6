package io.salespulse.recommendations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything gathered for one recommendation run. {@code sales} are analytics-service's figures (all
 * locations): today's and the last minute's units per product and the pace of the last hour; they back up the
 * velocity of levels that have none yet and go into the prompt.
 */
public record RecommendationInput(Instant now, List<LocationInfo> locations, Map<String, ProductInfo> products,
                                  List<StockInfo> stock, List<ExpiringLot> expiring, Map<String, Weather> weather,
                                  SalesFigures sales) {

    public RecommendationInput {
        locations = List.copyOf(locations);
        products = Map.copyOf(products);
        stock = List.copyOf(stock);
        expiring = List.copyOf(expiring);
        weather = Map.copyOf(weather);
        sales = sales == null ? SalesFigures.NONE : sales;
    }

    /** Only today's units known (tests and callers without the other windows). */
    public RecommendationInput(Instant now, List<LocationInfo> locations, Map<String, ProductInfo> products,
                               List<StockInfo> stock, List<ExpiringLot> expiring, Map<String, Weather> weather,
                               Map<String, Long> unitsToday) {
        this(now, locations, products, stock, expiring, weather, SalesFigures.todayOnly(unitsToday));
    }

    public Map<String, Long> unitsToday() {
        return sales.unitsToday();
    }
}
