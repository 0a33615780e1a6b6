package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an LLM's answer before anyone sees it: only known products at the requested locations, price changes
 * within ±maxChangePct, never below unit cost, the current price as the catalog says (not as the model
 * remembers it). Invalid parts are dropped and listed in {@link Result#dropped()} for the log.
 */
public final class AnswerValidator {

    public record Result(List<Promotion> promotions, List<PriceSuggestion> pricing, List<String> dropped) {
    }

    private final BigDecimal maxChangePct;

    public AnswerValidator(BigDecimal maxChangePct) {
        this.maxChangePct = maxChangePct;
    }

    public Result validate(List<Promotion> promotions, List<PriceSuggestion> pricing, Map<String, ProductInfo> products,
                           Set<String> locationIds) {
        var dropped = new ArrayList<String>();
        var okPromotions = new ArrayList<Promotion>();
        for (var p : promotions == null ? List.<Promotion>of() : promotions) {
            if (p == null || p.productId() == null || !products.containsKey(p.productId())) {
                dropped.add("promotion of unknown product " + (p == null ? null : p.productId()));
            } else if (!locationIds.contains(p.locationId())) {
                dropped.add("promotion at unknown location " + p.locationId() + " for " + p.productId());
            } else if (p.action() == null) {
                dropped.add("promotion without action for " + p.productId());
            } else {
                var confidence = p.confidence() == null ? BigDecimal.valueOf(0.5)
                        : p.confidence().max(BigDecimal.ZERO).min(BigDecimal.ONE);
                okPromotions.add(new Promotion(p.productId(), p.locationId(), p.action(), p.reason(),
                        p.expectedImpact(), confidence));
            }
        }
        var okPricing = new ArrayList<PriceSuggestion>();
        for (var s : pricing == null ? List.<PriceSuggestion>of() : pricing) {
            var product = s == null || s.productId() == null ? null : products.get(s.productId());
            if (product == null) {
                dropped.add("price of unknown product " + (s == null ? null : s.productId()));
                continue;
            }
            if (!locationIds.contains(s.locationId())) {
                dropped.add("price at unknown location " + s.locationId() + " for " + s.productId());
                continue;
            }
            var current = product.unitPrice();
            var suggested = s.suggestedPrice();
            if (suggested == null || current == null || current.signum() <= 0 || suggested.scale() > 2
                    && suggested.stripTrailingZeros().scale() > 2) {
                dropped.add("price of " + s.productId() + " without a valid amount: " + suggested);
                continue;
            }
            var change = Prices.changePct(current, suggested);
            if (change.abs().compareTo(maxChangePct) > 0) {
                dropped.add("price of " + s.productId() + " changes " + change + "% (limit ±" + maxChangePct + "%)");
            } else if (product.unitCost() != null && suggested.compareTo(product.unitCost()) < 0) {
                dropped.add("price of " + s.productId() + " " + suggested + " is below unit cost");
            } else if (change.signum() != 0) {
                okPricing.add(new PriceSuggestion(s.productId(), s.locationId(), current, suggested.setScale(2),
                        change, s.reason()));
            }
        }
        return new Result(List.copyOf(okPromotions), List.copyOf(okPricing), List.copyOf(dropped));
    }
}
