package io.salespulse.inventory;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.AlertRuleRepository;
import io.salespulse.inventory.data.CategoryRepository;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.data.OutboxRepository;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.data.StockRepository;
import io.salespulse.inventory.domain.AlertRule;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.domain.Thresholds;
import io.salespulse.inventory.messaging.InventoryEvents;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alert rules: default thresholds per product or per category. A level without explicit thresholds takes those of
 * the most specific rule (product, then the nearest category up the tree), else the configured defaults. Changing
 * a rule re-derives the thresholds of the levels it governs, re-evaluates their alerts and republishes them.
 */
@ApplicationScoped
public class AlertRuleService {
    private final AlertRuleRepository rules;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final StockRepository stock;
    private final AlertService alerts;
    private final OutboxRepository outbox;
    private final InventoryEvents events;
    private final Thresholds defaults;

    public AlertRuleService(AlertRuleRepository rules, ProductRepository products, CategoryRepository categories,
                            StockRepository stock, AlertService alerts, OutboxRepository outbox,
                            InventoryEvents events, InventoryConfig config) {
        this.rules = rules;
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.alerts = alerts;
        this.outbox = outbox;
        this.events = events;
        this.defaults = config.defaultThresholds();
    }

    public Thresholds defaults() {
        return defaults;
    }

    public List<AlertRule> list() {
        return rules.findAll();
    }

    /** The thresholds a new level of each product gets: its most specific rule, else the defaults. */
    public Map<String, Thresholds> thresholdsFor(Collection<String> productIds) {
        Map<String, Thresholds> found = rules.effective(productIds);
        Map<String, Thresholds> result = new HashMap<>();
        for (String productId : productIds) {
            result.put(productId, found.getOrDefault(productId, defaults));
        }
        return result;
    }

    /** Creates or replaces the rule of a product or of a category (exactly one of the two ids). */
    @Transactional
    @WithSpan("AlertRuleService.put")
    public AlertRule put(String productId, String categoryId, Thresholds thresholds, String user) {
        Instant now = Instant.now();
        AlertRule rule;
        List<String> governed;
        if (productId != null) {
            products.find(productId).orElseThrow(() -> new ProblemException(404, "Unknown product",
                    "No product " + productId));
            rule = rules.upsertForProduct(productId, thresholds, now, user);
            governed = List.of(productId);
        } else {
            categories.find(categoryId).orElseThrow(() -> new ProblemException(404, "Unknown category",
                    "No category " + categoryId));
            rule = rules.upsertForCategory(categoryId, thresholds, now, user);
            governed = products.idsInCategories(categories.subtree(categoryId));
        }
        List<StockLevel> changed = stock.rederive(thresholdsFor(governed), now);
        List<OutboxMessage> out = new ArrayList<>();
        changed.forEach(level -> out.add(events.level(level)));
        alerts.evaluate(changed, now, out);
        outbox.append(out);
        return rule;
    }
}
