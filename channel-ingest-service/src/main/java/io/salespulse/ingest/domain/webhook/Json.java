package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Lenient reads of platform JSON: ids and amounts arrive as numbers or strings; absent and null are alike. */
final class Json {
    private Json() {
    }

    /** The text of a string or number; null when absent, null or blank. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.isNumber() ? node.numberValue() instanceof BigDecimal decimal
                ? decimal.toPlainString() : node.asText() : node.asText();
        return text.isBlank() ? null : text.strip();
    }

    static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    /** A decimal from a JSON number or string; null when absent; {@link MappingException} when not a number. */
    static BigDecimal decimal(JsonNode node, String what) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MappingException(what + " is not a number: " + abbreviate(text));
        }
    }

    /** A whole number from a JSON number or string; null when absent. */
    static Integer integer(JsonNode node, String what) {
        BigDecimal value = decimal(node, what);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new MappingException(what + " is not a whole number: " + value.toPlainString());
        }
    }

    /** An ISO-8601 instant with offset ({@code 2026-11-21T10:15:30+01:00}); null when absent. */
    static Instant instant(JsonNode node, String what) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(what + " is not an ISO-8601 time with offset: " + abbreviate(text));
        }
    }

    /** An ISO-8601 local date-time known to be UTC (WooCommerce's {@code *_gmt} fields); null when absent. */
    static Instant utcLocal(JsonNode node, String what) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return instant(node, what);
        }
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
