package io.salespulse.orders.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON event by the rules of deploy/contracts (types, lengths, patterns, money with at most
 * 2 decimals), reporting the first violation with its JSON path. Unknown fields are ignored (tolerant reader): a
 * producer may add optional fields before every consumer knows them.
 */
final class JsonFields {
    /** Decimals stay exact: a price of 19.99 must not pass through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern MONEY_TEXT = Pattern.compile("^[0-9]{1,12}(\\.[0-9]{1,2})?$");
    static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    static final Pattern GTIN = Pattern.compile("^([0-9]{8}|[0-9]{12,14})$");
    static final Pattern TIME_ZONE = Pattern.compile("^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$");

    private JsonFields() {
    }

    /** A field that breaks the contract. */
    static final class InvalidField extends RuntimeException {
        InvalidField(String message) {
            super(message, null, false, false);
        }
    }

    /** The JSON object of {@code json}, or null when it is not JSON at all; {@link InvalidField} if not an object. */
    static JsonNode parseObject(String json) throws JsonProcessingException {
        JsonNode root = JSON.readTree(json);
        if (root == null || root.isMissingNode()) {
            throw new InvalidField("the value is empty");
        }
        if (!root.isObject()) {
            throw new InvalidField("the value is not a JSON object");
        }
        return root;
    }

    static String text(JsonNode object, String path, String field, int minLength, int maxLength, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidField(path + field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidField(path + field + " must be a string");
        }
        String value = node.textValue();
        if (value.length() < minLength || value.length() > maxLength) {
            throw new InvalidField(path + field + " must have " + minLength + " to " + maxLength + " characters");
        }
        return value;
    }

    static String matching(JsonNode object, String path, String field, Pattern pattern, boolean required) {
        String value = text(object, path, field, 0, Integer.MAX_VALUE, required);
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidField(path + field + " must match " + pattern.pattern());
        }
        return value;
    }

    static UUID uuid(JsonNode object, String path, String field) {
        String value = text(object, path, field, 0, 64, true);
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidField(path + field + " must be a UUID");
        }
        return UUID.fromString(value);
    }

    static Instant instant(JsonNode object, String path, String field) {
        String value = text(object, path, field, 1, 64, true);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField(path + field + " must be an ISO-8601 date-time with offset");
        }
    }

    static <E extends Enum<E>> E enumValue(JsonNode object, String path, String field, Class<E> type) {
        String value = text(object, path, field, 1, 32, true);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(path + field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static boolean bool(JsonNode object, String path, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isBoolean()) {
            throw new InvalidField(path + field + " must be true or false");
        }
        return node.booleanValue();
    }

    static int integer(JsonNode object, String path, String field, int min, int max) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidField(path + field + " is required");
        }
        BigDecimal value = node.isNumber() ? node.decimalValue() : null;
        if (value == null || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidField(path + field + " must be an integer from " + min + " to " + max);
        }
        return value.intValueExact();
    }

    /** A non-negative amount with at most 2 decimals, as a JSON string (preferred) or number; scale 2. */
    static BigDecimal money(JsonNode object, String path, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidField(path + field + " is required");
            }
            return null;
        }
        BigDecimal value;
        if (node.isTextual() && MONEY_TEXT.matcher(node.textValue()).matches()) {
            value = new BigDecimal(node.textValue());
        } else if (node.isNumber()) {
            value = node.decimalValue();
        } else {
            throw new InvalidField(path + field + " must be a non-negative amount with at most 2 decimals");
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || !Money.fits(value)) {
            throw new InvalidField(path + field + " must be a non-negative amount with at most 2 decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    static JsonNode array(JsonNode object, String path, String field, int minItems, int maxItems) {
        JsonNode node = object.get(field);
        if (node == null || !node.isArray()) {
            throw new InvalidField(path + field + " must be an array");
        }
        if (node.size() < minItems || node.size() > maxItems) {
            throw new InvalidField(path + field + " must have " + minItems + " to " + maxItems + " items");
        }
        return node;
    }
}
