package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.inventory.data.OutboxMessage;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.Location;
import io.salespulse.inventory.domain.Product;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.support.DeadLetter;
import io.salespulse.support.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** Turns state changes into outbox messages: topic, key, CloudEvents type and the contract's payload. */
@ApplicationScoped
public class InventoryEvents {
    public static final String SOURCE = "/inventory-service";
    public static final String PRODUCT = "io.salespulse.product.v1";
    public static final String LOCATION = "io.salespulse.location.v1";
    public static final String STOCK_LEVEL = "io.salespulse.stock-level.v1";
    public static final String ALERT = "io.salespulse.alert.v1";

    private final ObjectMapper json;

    public InventoryEvents(ObjectMapper json) {
        this.json = json;
    }

    public OutboxMessage product(Product p, List<String> categoryPath) {
        var payload = new EventPayloads.ProductPayload(p.id(), p.sku(), p.gtin(), p.name(), p.categoryId(),
                categoryPath, money(p.unitPrice()), money(p.unitCost()), p.currency(), p.active(), p.attributes(),
                p.updatedAt());
        return OutboxMessage.of(Topics.CATALOG_PRODUCTS, p.id(), PRODUCT, p.updatedAt(), write(payload));
    }

    public OutboxMessage location(Location l) {
        var payload = new EventPayloads.LocationPayload(l.id(), l.name(), l.kind().name(), l.region(), l.country(),
                l.latitude(), l.longitude(), l.timeZone(), l.active(), l.updatedAt());
        return OutboxMessage.of(Topics.CATALOG_LOCATIONS, l.id(), LOCATION, l.updatedAt(), write(payload));
    }

    public OutboxMessage level(StockLevel level) {
        var payload = new EventPayloads.StockLevelPayload(level.key().productId(), level.key().locationId(),
                level.onHand(), level.reserved(), level.thresholds().reorderPoint(),
                level.thresholds().criticalLevel(), level.thresholds().targetLevel(), level.status().name(),
                level.causeEventId(), level.updatedAt());
        return OutboxMessage.of(Topics.INVENTORY_LEVELS, level.key().messageKey(), STOCK_LEVEL, level.updatedAt(),
                write(payload));
    }

    /**
     * One transition of an alert. Its ce_id is new for every transition (RAISED and RESOLVED of one alert are two
     * events); the alert's own id is the key and in the payload.
     */
    public OutboxMessage alert(Alert alert, Instant at) {
        var payload = new EventPayloads.AlertPayload(alert.alertId(), alert.type().name(), alert.state().name(),
                alert.productId(), alert.locationId(), alert.message(), alert.details(), at);
        return OutboxMessage.of(Topics.ALERTS, alert.alertId().toString(), ALERT, at, write(payload));
    }

    public OutboxMessage deadLetter(DeadLetter deadLetter) {
        return new OutboxMessage(null, Topics.DEAD_LETTER, deadLetter.source(), deadLetter.id(),
                DeadLetter.EVENT_TYPE, deadLetter.failedAt(), write(deadLetter));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
