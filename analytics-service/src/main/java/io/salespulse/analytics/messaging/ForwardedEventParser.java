package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks events that are only forwarded to WebSocket clients (alerts.v1, inventory.levels.v1): a JSON object with
 * the fields a dashboard keys on. The payload goes out unchanged, so the check stays light and tolerant.
 */
public final class ForwardedEventParser {
    public static final List<String> ALERT_FIELDS = List.of("alertId", "type", "state", "message", "occurredAt");
    public static final List<String> STOCK_LEVEL_FIELDS = List.of("productId", "locationId", "onHand", "status",
            "updatedAt");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ForwardedEventParser() {
    }

    public static JsonNode parse(byte[] value, List<String> required) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException("unreadable value: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        for (String field : required) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                throw new InvalidEventException(field + " is required");
            }
        }
        return root;
    }

    /** The instant in {@code field} (ISO-8601 with offset). */
    public static Instant timestamp(JsonNode event, String field) throws InvalidEventException {
        JsonNode value = event.get(field);
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidEventException(field + " must be an ISO-8601 date-time with offset");
        }
    }
}
