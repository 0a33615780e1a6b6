package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
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
    private static final int MAX_ID = 64;
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
        if (value == null || value.length == 0) {
            return new Invalid("Empty record value");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            return new Invalid("Not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Invalid("Unreadable value: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return new Invalid("Not a JSON object");
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
        String productId = optionalId(line, "productId");
        String sku = optionalId(line, "sku");
        String gtin = optionalId(line, "gtin");
        if (productId == null && sku == null && gtin == null) {
            throw new IllegalArgumentException("line " + number + " names no product (productId, sku or gtin)");
        }
        return new SaleEvent.Line(productId, sku, gtin, quantity.asInt());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }

    private static String id(JsonNode node, String field) {
        String value = text(node, field);
        if (value.length() > MAX_ID) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID);
        }
        return value;
    }

    private static String optionalId(JsonNode node, String field) {
        return optionalText(node, field, MAX_ID);
    }

    private static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
            throw new IllegalArgumentException(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return value.asText();
    }
}
