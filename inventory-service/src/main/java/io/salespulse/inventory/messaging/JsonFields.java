package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reading consumed records field by field, so that every way a record can be wrong becomes a precise reason for the
 * dead-letter topic instead of an exception deep in Jackson. Shared by the parsers of this service's consumers.
 */
final class JsonFields {
    static final int MAX_ID = 64;

    /** A record value that is not a JSON object; the message is the reason. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private JsonFields() {
    }

    static JsonNode readObject(ObjectMapper json, byte[] value) throws Unreadable {
        if (value == null || value.length == 0) {
            throw new Unreadable("Empty record value");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Unreadable("Not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable("Unreadable value: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("Not a JSON object");
        }
        return root;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }

    static String id(JsonNode node, String field) {
        String value = text(node, field);
        if (value.length() > MAX_ID) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID);
        }
        return value;
    }

    static String optionalText(JsonNode node, String field, int maxLength) {
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
