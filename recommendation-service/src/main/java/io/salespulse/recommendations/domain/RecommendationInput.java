package io.salespulse.recommendations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything gathered for one recommendation run. {@code unitsToday} is today's units per productId from
 * analytics (all locations); it backs up the velocity of levels that have none yet.
 */
public record RecommendationInput(Instant now, List<LocationInfo> locations, Map<String, ProductInfo> products,
                                  List<StockInfo> stock, List<ExpiringLot> expiring, Map<String, Weather> weather,
                                  Map<String, Long> unitsToday) {

    public RecommendationInput {
        locations = List.copyOf(locations);
        products = Map.copyOf(products);
        stock = List.copyOf(stock);
        expiring = List.copyOf(expiring);
        weather = Map.copyOf(weather);
        unitsToday = Map.copyOf(unitsToday);
    }
}
