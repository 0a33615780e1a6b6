package io.salespulse.load;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Realistic orders for the demo retailer: stores take most sales, then the web shop and the marketplaces;
 * mornings sell hot drinks, afternoons cold ones; baskets of one to four lines.
 */
final class OrderFactory {
    private final DemoCatalog catalog;
    private final RandomGenerator random;

    OrderFactory(DemoCatalog catalog, RandomGenerator random) {
        this.catalog = catalog;
        this.random = random;
    }

    /** A sale in the full form of POST /api/orders; externalId is unique. */
    Map<String, Object> sale(Instant now, String externalIdPrefix) {
        Map<String, Object> order = new LinkedHashMap<>();
        double pick = random.nextDouble();
        DemoCatalog.Location location;
        if (pick < 0.55) {
            location = catalog.stores().get(random.nextInt(catalog.stores().size()));
            order.put("channel", "STORE");
            order.put("source", "store:" + location.id());
        } else if (pick < 0.80) {
            location = catalog.fulfilmentCentre();
            order.put("channel", "WEB");
            order.put("source", catalog.webShopSource());
        } else if (pick < 0.95) {
            location = catalog.fulfilmentCentre();
            order.put("channel", "MARKETPLACE");
            order.put("source", catalog.marketplaceSources().get(random.nextInt(catalog.marketplaceSources().size())));
        } else {
            location = catalog.fulfilmentCentre();
            order.put("channel", "API");
        }
        order.put("externalId", externalIdPrefix + UUID.randomUUID());
        order.put("locationId", location.id());
        order.put("currency", "EUR");
        order.put("occurredAt", now.toString());
        int hour = now.atZone(ZoneId.of(location.timeZone())).getHour();
        int lineCount = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 4);
        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            DemoCatalog.Product product = product(hour);
            if (used.contains(product.id())) {
                continue;
            }
            used.add(product.id());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", product.id());
            line.put("quantity", 1 + (random.nextDouble() < 0.2 ? random.nextInt(3) : 0));
            line.put("unitPrice", product.unitPrice().toPlainString());
            lines.add(line);
        }
        order.put("lines", lines);
        return order;
    }

    /** Hot drinks before noon, cold drinks in the afternoon, snacks all day, merchandise rarely. */
    private DemoCatalog.Product product(int hour) {
        double hot = hour < 11 ? 3.0 : hour < 15 ? 1.2 : 0.8;
        double cold = hour < 11 ? 0.7 : hour < 18 ? 2.2 : 1.0;
        double total = 0;
        double[] weights = new double[catalog.products().size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = switch (catalog.products().get(i).kind()) {
                case "hot" -> hot;
                case "cold" -> cold;
                case "snack" -> 1.0;
                default -> 0.15;
            };
            total += weights[i];
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target <= 0) {
                return catalog.products().get(i);
            }
        }
        return catalog.products().get(weights.length - 1);
    }

    /** Orders per second for the demo at a local hour: quiet nights, peaks at breakfast, lunch and after work. */
    static double demandFactor(double hourOfDay) {
        double base = 0.15;
        base += 1.0 * bump(hourOfDay, 8.5, 1.2);
        base += 1.2 * bump(hourOfDay, 12.75, 1.3);
        base += 0.9 * bump(hourOfDay, 17.5, 1.5);
        base += 0.35 * bump(hourOfDay, 15, 4);
        return base;
    }

    private static double bump(double x, double centre, double width) {
        double d = (x - centre) / width;
        return Math.exp(-d * d / 2);
    }

    static BigDecimal total(Map<String, Object> order) {
        BigDecimal total = BigDecimal.ZERO;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
        for (Map<String, Object> line : lines) {
            total = total.add(new BigDecimal((String) line.get("unitPrice"))
                    .multiply(BigDecimal.valueOf(((Number) line.get("quantity")).longValue())));
        }
        return total;
    }
}
