package io.salespulse.recommendations;

import io.quarkus.logging.Log;
import io.salespulse.recommendations.client.AnalyticsClient;
import io.salespulse.recommendations.client.InventoryClient;
import io.salespulse.recommendations.client.Page;
import io.salespulse.recommendations.domain.ExpiringLot;
import io.salespulse.recommendations.domain.LocationInfo;
import io.salespulse.recommendations.domain.ProductInfo;
import io.salespulse.recommendations.domain.RecommendationInput;
import io.salespulse.recommendations.domain.SalesFigures;
import io.salespulse.recommendations.domain.StockInfo;
import io.salespulse.recommendations.domain.Weather;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Gathers the inputs of a recommendation from analytics-service, inventory-service and the weather. Each input
 * that fails becomes a warning and an empty part: the rules still answer with what there is.
 */
@ApplicationScoped
public class InputCollector {

    /** Stops paging after this many pages: a recommendation does not need more than 2,000 products. */
    private static final int MAX_PAGES = 10;
    static final int EXPIRY_HORIZON_DAYS = 7;

    private final AnalyticsClient analytics;
    private final InventoryClient inventory;
    private final WeatherService weather;

    InputCollector(@RestClient AnalyticsClient analytics, @RestClient InventoryClient inventory, WeatherService weather) {
        this.analytics = analytics;
        this.inventory = inventory;
        this.weather = weather;
    }

    public record Collected(RecommendationInput input, List<String> warnings) {
    }

    public Collected collect(Optional<String> locationId) {
        var warnings = new ArrayList<String>();
        var now = Instant.now();

        var allLocations = fetch("inventory-service locations", warnings,
                () -> pages(p -> inventory.locations(p, InventoryClient.MAX_CATALOG_PAGE)).stream()
                        .filter(l -> l.active() == null || l.active())
                        .map(l -> new LocationInfo(l.id(), l.name(), l.kind(), l.latitude(), l.longitude(), l.timeZone()))
                        .toList());
        List<LocationInfo> locations;
        if (locationId.isPresent()) {
            var id = locationId.get();
            locations = allLocations.map(all -> all.stream().filter(l -> l.locationId().equals(id)).toList())
                    .orElseGet(() -> List.of(new LocationInfo(id, id, null, null, null, null)));
            if (locations.isEmpty()) {
                throw new ProblemException(404, "Unknown location", "No active location " + id);
            }
        } else {
            locations = allLocations.orElse(List.of());
        }

        var products = new LinkedHashMap<String, ProductInfo>();
        fetch("inventory-service products", warnings, () -> pages(p -> inventory.products(true, p, InventoryClient.MAX_CATALOG_PAGE)))
                .orElse(List.of()).forEach(p -> products.put(p.id(), new ProductInfo(p.id(), p.name(), p.categoryId(),
                        p.unitPrice(), p.unitCost(), strings(p.attributes()))));

        var loc = locationId.orElse(null);
        var stock = fetch("inventory-service stock levels", warnings,
                () -> pages(p -> inventory.inventory(loc, p, InventoryClient.MAX_STOCK_PAGE)).stream()
                        .map(l -> new StockInfo(l.productId(), l.locationId(), orZero(l.available()), orZero(l.targetLevel()),
                                l.salesVelocityPerHour() == null ? BigDecimal.ZERO : l.salesVelocityPerHour()))
                        .toList()).orElse(List.of());

        var expiring = fetch("inventory-service expiring lots", warnings,
                () -> inventory.expiring(EXPIRY_HORIZON_DAYS, loc, InventoryClient.MAX_STOCK_PAGE).itemsOrEmpty().stream()
                        .map(l -> new ExpiringLot(l.productId(), l.locationId(), l.lotCode(), orZero(l.quantityOnHand()),
                                l.daysToExpiry() == null ? -1 : l.daysToExpiry()))
                        .toList()).orElse(List.of());

        var sales = fetch("analytics-service sales", warnings, analytics::snapshot).map(InputCollector::sales)
                .orElse(SalesFigures.NONE);

        var weatherByLocation = new HashMap<String, Weather>();
        for (var l : locations) {
            weather.at(l).ifPresent(w -> weatherByLocation.put(l.locationId(), w));
        }
        return new Collected(new RecommendationInput(now, locations, products, stock, expiring, weatherByLocation,
                sales), warnings);
    }

    /** Today's and the last minute's units per product, and the order and revenue totals of each window. */
    private static SalesFigures sales(AnalyticsClient.Snapshot s) {
        return new SalesFigures(units(s.topProductsByUnits()), units(s.topProductsLastMinute()), window(s.today()),
                lastHour(s.lastHour()), window(s.lastMinute()));
    }

    private static Map<String, Long> units(List<AnalyticsClient.TopProduct> top) {
        var m = new HashMap<String, Long>();
        if (top != null) {
            top.stream().filter(t -> t.productId() != null).forEach(t -> m.merge(t.productId(), orZero(t.units()), Long::sum));
        }
        return m;
    }

    private static SalesFigures.Window window(AnalyticsClient.Figures f) {
        return f == null ? null : new SalesFigures.Window(orZero(f.orders()), money(f.revenue()));
    }

    /** The per-minute series of the last hour, summed. */
    private static SalesFigures.Window lastHour(List<AnalyticsClient.Figures> minutes) {
        if (minutes == null || minutes.isEmpty()) {
            return null;
        }
        long orders = 0;
        var revenue = BigDecimal.ZERO;
        for (var m : minutes) {
            if (m != null) {
                orders += orZero(m.orders());
                revenue = revenue.add(money(m.revenue()));
            }
        }
        return new SalesFigures.Window(orders, revenue);
    }

    private static BigDecimal money(String value) {
        try {
            return value == null ? BigDecimal.ZERO : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static <T> List<T> pages(IntFunction<Page<T>> call) {
        var all = new ArrayList<T>();
        for (int page = 0; page < MAX_PAGES; page++) {
            var p = call.apply(page);
            all.addAll(p.itemsOrEmpty());
            if (p.itemsOrEmpty().isEmpty() || all.size() >= p.totalItems()) {
                break;
            }
        }
        return all;
    }

    /** The reason goes to the log; the warning names only the missing input (no internals to the client). */
    private static <T> Optional<T> fetch(String what, List<String> warnings, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            Log.warnf("recommendation input unavailable: %s: %s", what, e.toString());
            warnings.add(what + " unavailable; recommendations made without them");
            return Optional.empty();
        }
    }

    private static Map<String, String> strings(Map<String, Object> attributes) {
        var m = new HashMap<String, String>();
        if (attributes != null) {
            attributes.forEach((k, v) -> {
                if (v != null) {
                    m.put(k, String.valueOf(v));
                }
            });
        }
        return m;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
