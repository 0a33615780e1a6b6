package io.salespulse.inventory.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Object mother of sales.events.v1 payloads, shaped like channel-ingest-service's (contract-valid). */
public final class SaleEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event = JSON.createObjectNode();
    private final ArrayNode lines = JSON.createArrayNode();

    private SaleEvents(String type, String locationId) {
        UUID eventId = UUID.randomUUID();
        event.put("eventId", eventId.toString());
        event.put("type", type);
        event.put("channel", "STORE");
        event.put("source", "store:" + locationId);
        event.put("externalId", "R-" + eventId.toString().substring(0, 8));
        event.put("locationId", locationId);
        event.put("occurredAt", Instant.now().toString());
        event.put("currency", "EUR");
        event.putNull("customerRef");
        event.set("lines", lines);
    }

    public static SaleEvents aSale(String locationId) {
        return new SaleEvents("SALE", locationId);
    }

    public static SaleEvents aReturn(String locationId, String returnOf) {
        SaleEvents r = new SaleEvents("RETURN", locationId);
        r.event.put("returnOf", returnOf);
        return r;
    }

    public SaleEvents line(String productId, int quantity) {
        lines.addObject().put("productId", productId).put("quantity", quantity).put("unitPrice", "2.50");
        return this;
    }

    /** A line with the optional {@code condition} (RESALABLE, DAMAGED) of a returned item. */
    public SaleEvents line(String productId, int quantity, String condition) {
        lines.addObject().put("productId", productId).put("quantity", quantity).put("unitPrice", "2.50")
                .put("condition", condition);
        return this;
    }

    public SaleEvents lineBySku(String sku, int quantity) {
        lines.addObject().put("sku", sku).put("quantity", quantity).put("unitPrice", "2.50");
        return this;
    }

    public SaleEvents lineByGtin(String gtin, int quantity) {
        lines.addObject().put("gtin", gtin).put("quantity", quantity).put("unitPrice", 2.5);
        return this;
    }

    public SaleEvents occurredAt(Instant at) {
        event.put("occurredAt", at.toString());
        return this;
    }

    /** Same channel, source and externalId as {@code other}: the same Kafka key, hence the same partition. */
    public SaleEvents withKeyOf(SaleEvents other) {
        event.put("channel", other.event.get("channel").asText());
        event.put("source", other.event.get("source").asText());
        event.put("externalId", other.event.get("externalId").asText());
        return this;
    }

    public String eventId() {
        return event.get("eventId").asText();
    }

    /** The Kafka key channel-ingest uses: channel:source:externalId. */
    public String key() {
        return event.get("channel").asText() + ":" + event.get("source").asText() + ":"
                + event.get("externalId").asText();
    }

    public String json() {
        return event.toString();
    }
}
