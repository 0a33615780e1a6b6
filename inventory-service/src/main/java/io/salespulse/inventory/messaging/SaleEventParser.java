package io.salespulse.inventory.messaging;

import static io.salespulse.inventory.messaging.JsonFields.MAX_ID;
import static io.salespulse.inventory.messaging.JsonFields.id;
import static io.salespulse.inventory.messaging.JsonFields.optionalText;
import static io.salespulse.inventory.messaging.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a sales.events.v1 value leniently where the contract allows more than this service needs (extra fields,
 * money, customer data are ignored) and strictly where stock depends on it. A value that is not a usable event
 * yields the reason that goes to the dead-letter topic.
 */
public final class SaleEventParser {
    private static final int MAX_REFERENCE = 200;

    private final ObjectMapper json;

    /** The event, or why there is none. */
    public sealed interface Result permits Parsed, Invalid {
    }

    public record Parsed(SaleEvent event) implements Result {
    }

    public record Invalid(String reason) implements Result {
    }

    public SaleEventParser(ObjectMapper json) {
        this.json = json;
    }

    public Result parse(byte[] value) {
        JsonNode root;
        try {
            root = JsonFields.readObject(json, value);
        } catch (JsonFields.Unreadable e) {
            return new Invalid(e.getMessage());
        }
        try {
            UUID eventId = UUID.fromString(text(root, "eventId"));
            SaleEvent.Type type = SaleEvent.Type.valueOf(text(root, "type"));
            String locationId = id(root, "locationId");
            Instant occurredAt = OffsetDateTime.parse(text(root, "occurredAt")).toInstant();
            JsonNode lines = root.get("lines");
            if (lines == null || !lines.isArray() || lines.isEmpty()) {
                throw new IllegalArgumentException("lines must be a non-empty array");
            }
            List<SaleEvent.Line> parsed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                parsed.add(line(lines.get(i), i + 1));
            }
            String returnOf = optionalText(root, "returnOf", MAX_REFERENCE);
            return new Parsed(new SaleEvent(eventId, type, locationId, occurredAt, List.copyOf(parsed), returnOf));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new Invalid("Invalid sale event: " + e.getMessage());
        }
    }

    private static SaleEvent.Line line(JsonNode line, int number) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("line " + number + " is not an object");
        }
        JsonNode quantity = line.get("quantity");
        if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber()
                || quantity.asInt() < 1 || quantity.asInt() > 1_000_000) {
            throw new IllegalArgumentException("line " + number + ": quantity must be an integer from 1 to 1000000");
        }
        String productId = optionalText(line, "productId", MAX_ID);
        String sku = optionalText(line, "sku", MAX_ID);
        String gtin = optionalText(line, "gtin", MAX_ID);
        if (productId == null && sku == null && gtin == null) {
            throw new IllegalArgumentException("line " + number + " names no product (productId, sku or gtin)");
        }
        String condition = optionalText(line, "condition", MAX_ID);
        if (condition != null && !condition.equals("RESALABLE") && !condition.equals("DAMAGED")) {
            throw new IllegalArgumentException("line " + number + ": condition must be RESALABLE or DAMAGED");
        }
        return new SaleEvent.Line(productId, sku, gtin, quantity.asInt(), "DAMAGED".equals(condition));
    }
}
