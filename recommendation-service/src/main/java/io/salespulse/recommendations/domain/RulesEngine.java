package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic promotions and prices from weather, season, velocity, stock cover and expiry. It always answers
 * (it is the default without an LLM and the fallback when the LLM fails); the thresholds and product
 * selections come from a {@link RuleSet}, so this class only knows how to evaluate them.
 */
public final class RulesEngine {

    public static final String SOURCE = "rules";

    private final RuleSet rules;

    public RulesEngine(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public Recommendations recommend(RecommendationInput in, List<String> warnings) {
        var promotions = new ArrayList<Promotion>();
        // one price per product and location: the first rule to claim it wins (expiry, then fast, then slow)
        var pricing = new LinkedHashMap<String, PriceSuggestion>();

        weatherPromotions(in, promotions);
        expiryRules(in, promotions, pricing);
        velocityRules(in, promotions, pricing);

        promotions.sort(Comparator.comparing(Promotion::confidence).reversed()
                .thenComparing(Promotion::locationId).thenComparing(Promotion::productId));
        var weather = in.locations().stream().map(l -> in.weather().get(l.locationId()))
                .filter(java.util.Objects::nonNull).toList();
        return new Recommendations(in.now(), SOURCE, weather, List.copyOf(promotions),
                List.copyOf(pricing.values()), List.copyOf(warnings));
    }

    private void weatherPromotions(RecommendationInput in, List<Promotion> out) {
        for (var location : in.locations()) {
            var weather = in.weather().get(location.locationId());
            if (weather == null) {
                continue;
            }
            int month = in.now().atZone(zone(location)).getMonthValue();
            for (var rule : rules.weatherRules()) {
                if (!rule.when().matches(weather, month)) {
                    continue;
                }
                for (var product : in.products().values()) {
                    if (rule.products().matches(product) && sellable(in, product.productId(), location.locationId())) {
                        var reason = rule.reason()
                                .replace("{temp}", weather.temperatureC() == null ? "?" : weather.temperatureC().toPlainString())
                                .replace("{condition}", weather.condition().name().toLowerCase())
                                .replace("{source}", weather.source());
                        out.add(new Promotion(product.productId(), location.locationId(), rule.action(), reason,
                                rule.expectedImpact(), rule.confidence()));
                    }
                }
            }
        }
    }

    private void expiryRules(RecommendationInput in, List<Promotion> promotions, Map<String, PriceSuggestion> pricing) {
        var rule = rules.expiry();
        if (rule == null) {
            return;
        }
        var wanted = locationIds(in);
        for (var lot : in.expiring()) {
            var product = in.products().get(lot.productId());
            // already expired lots must not be sold at all: no promotion for them
            if (product == null || lot.daysToExpiry() < 0 || lot.daysToExpiry() > rule.withinDays()
                    || lot.quantityOnHand() <= 0 || !wanted.contains(lot.locationId())) {
                continue;
            }
            var reason = rule.reason().replace("{days}", String.valueOf(lot.daysToExpiry()))
                    .replace("{quantity}", String.valueOf(lot.quantityOnHand()));
            promotions.add(new Promotion(product.productId(), lot.locationId(), Promotion.Action.DISCOUNT, reason,
                    rule.expectedImpact(), rule.confidence()));
            price(pricing, product, lot.locationId(), rule.discountPct().negate(), reason);
        }
    }

    private void velocityRules(RecommendationInput in, List<Promotion> promotions, Map<String, PriceSuggestion> pricing) {
        var wanted = locationIds(in);
        var levelsPerProduct = new HashMap<String, Integer>();
        in.stock().forEach(s -> levelsPerProduct.merge(s.productId(), 1, Integer::sum));
        for (var level : in.stock()) {
            var product = in.products().get(level.productId());
            if (product == null || !wanted.contains(level.locationId())) {
                continue;
            }
            var velocity = velocity(in, level, levelsPerProduct.getOrDefault(level.productId(), 1));
            var cover = velocity.signum() > 0
                    ? BigDecimal.valueOf(Math.max(level.available(), 0)).divide(velocity, 1, RoundingMode.HALF_UP)
                    : null;
            var fast = rules.fastMover();
            if (fast != null && velocity.compareTo(fast.minVelocityPerHour()) >= 0 && cover != null
                    && cover.compareTo(fast.maxCoverHours()) <= 0) {
                var reason = fill(fast.reason(), velocity, cover, level.available());
                promotions.add(new Promotion(product.productId(), level.locationId(), Promotion.Action.RESTOCK, reason,
                        fast.expectedImpact(), fast.confidence()));
                price(pricing, product, level.locationId(), fast.increasePct(), reason);
                continue;
            }
            var slow = rules.slowMover();
            if (slow != null && velocity.compareTo(slow.maxVelocityPerHour()) <= 0
                    && level.available() >= slow.minAvailable()
                    && (cover == null || cover.compareTo(slow.minCoverHours()) >= 0)) {
                var reason = fill(slow.reason(), velocity, cover, level.available());
                promotions.add(new Promotion(product.productId(), level.locationId(), Promotion.Action.DISCOUNT, reason,
                        slow.expectedImpact(), slow.confidence()));
                price(pricing, product, level.locationId(), slow.discountPct().negate(), reason);
            }
        }
    }

    /**
     * The level's own velocity (inventory-service's moving estimate); when it has none yet, today's units from
     * analytics spread over the hours of the day so far and over the levels holding the product, scaled by the
     * last hour's pace against today's average (analytics' per-minute series of the last hour).
     */
    private static BigDecimal velocity(RecommendationInput in, StockInfo level, int levels) {
        if (level.salesVelocityPerHour() != null && level.salesVelocityPerHour().signum() > 0) {
            return level.salesVelocityPerHour();
        }
        long units = in.unitsToday().getOrDefault(level.productId(), 0L);
        if (units <= 0) {
            return BigDecimal.ZERO;
        }
        var midnight = in.now().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        double hours = Math.max(1.0, Duration.between(midnight, in.now()).toMinutes() / 60.0);
        double pace = in.sales().paceFactor(in.now());
        return BigDecimal.valueOf(units / hours / levels * pace).setScale(2, RoundingMode.HALF_UP);
    }

    private void price(Map<String, PriceSuggestion> pricing, ProductInfo product, String locationId, BigDecimal pct,
                       String reason) {
        var key = product.productId() + "@" + locationId;
        if (pricing.containsKey(key)) {
            return;
        }
        Prices.adjusted(product.unitPrice(), product.unitCost(), pct, rules.maxChangePct()).ifPresent(p ->
                pricing.put(key, new PriceSuggestion(product.productId(), locationId, product.unitPrice(), p,
                        Prices.changePct(product.unitPrice(), p), reason)));
    }

    private static String fill(String template, BigDecimal velocity, BigDecimal cover, long available) {
        return template.replace("{velocity}", velocity.toPlainString())
                .replace("{cover}", cover == null ? "unlimited" : cover.toPlainString())
                .replace("{available}", String.valueOf(available));
    }

    /** Without stock data every product counts as sellable; with it, only levels with stock available. */
    private static boolean sellable(RecommendationInput in, String productId, String locationId) {
        if (in.stock().isEmpty()) {
            return true;
        }
        return in.stock().stream().anyMatch(s -> s.productId().equals(productId)
                && s.locationId().equals(locationId) && s.available() > 0);
    }

    private static java.util.Set<String> locationIds(RecommendationInput in) {
        var ids = new java.util.HashSet<String>();
        in.locations().forEach(l -> ids.add(l.locationId()));
        return ids;
    }

    private static ZoneId zone(LocationInfo location) {
        try {
            return location.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(location.timeZone());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
