package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object mother of the demo catalog's shapes (deploy/load demo-catalog.json). */
final class Fixtures {

    static final Instant NOON_IN_JULY = Instant.parse("2026-07-15T12:00:00Z");
    static final Instant NOON_IN_JANUARY = Instant.parse("2026-01-15T12:00:00Z");

    static final ProductInfo COLA = product("P-1010", "Cola 330 ml", "soft-drinks", "1.80", "0.40", Map.of("temperature", "cold"));
    static final ProductInfo ESPRESSO = product("P-1001", "Espresso", "coffee", "2.20", "0.45", Map.of("temperature", "hot"));
    static final ProductInfo CRISPS = product("P-1030", "Sea salt crisps", "crisps", "1.50", "0.50", Map.of("kind", "snack"));
    static final ProductInfo MUG = product("P-1050", "Sales Pulse mug", "mugs", "9.90", "3.00", Map.of("kind", "merch"));

    static final LocationInfo LONDON = new LocationInfo("ST-001", "London Soho", "STORE", 51.5136, -0.1365, "Europe/London");

    private Fixtures() {
    }

    static ProductInfo product(String id, String name, String category, String price, String cost, Map<String, String> attrs) {
        return new ProductInfo(id, name, category, new BigDecimal(price), new BigDecimal(cost), attrs);
    }

    static Weather weather(String tempC, Weather.Condition condition) {
        return new Weather(LONDON.locationId(), "open-meteo", new BigDecimal(tempC), BigDecimal.ZERO, condition, NOON_IN_JULY);
    }

    static StockInfo level(ProductInfo p, long available, String velocity) {
        return new StockInfo(p.productId(), LONDON.locationId(), available, 400, new BigDecimal(velocity));
    }

    static Map<String, ProductInfo> catalog() {
        var m = new LinkedHashMap<String, ProductInfo>();
        for (var p : List.of(COLA, ESPRESSO, CRISPS, MUG)) {
            m.put(p.productId(), p);
        }
        return m;
    }

    /** Every product in stock and moving at an ordinary pace: no velocity rule fires. */
    static List<StockInfo> ordinaryStock() {
        return List.of(level(COLA, 200, "2"), level(ESPRESSO, 200, "2"), level(CRISPS, 200, "2"), level(MUG, 40, "1"));
    }
}
