package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
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
}
