package io.salespulse.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.salespulse.analytics.domain.ChannelSource;
import io.salespulse.analytics.domain.OrderType;
import io.salespulse.analytics.domain.RecordedLine;
import io.salespulse.analytics.domain.RecordedOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads an orders.recorded.v1 payload (deploy/contracts/orders.recorded.v1/order-recorded.schema.json) into a
 * {@link RecordedOrder}, or says precisely why it cannot be counted. Tolerant of fields it does not know (a
 * compatible schema change must not dead-letter orders); strict about everything that feeds a figure: money with
 * at most 2 decimals, total = sum of line totals, sign by type, an ISO 4217 currency (orders in another currency
 * than the reporting one are converted after parsing, see ExchangeRates).
 */
public final class OrderRecordedParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Set<String> CHANNELS = Set.copyOf(ChannelSource.CHANNELS);
    private static final Pattern MONEY = Pattern.compile("^-?[0-9]{1,12}(\\.[0-9]{1,2})?$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

    public RecordedOrder parse(byte[] value) throws InvalidEventException {
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
        OrderType type = orderType(root);
        String currency = text(root, "currency", 3, false);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidEventException("currency must be an ISO 4217 code, was '" + currency + "'");
        }
        BigDecimal total = money(root, "total", true);
        List<RecordedLine> lines = lines(root);
        BigDecimal sum = lines.stream().map(RecordedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            throw new InvalidEventException("total " + total.toPlainString() + " is not the sum of lineTotal "
                    + sum.toPlainString());
        }
        if (type == OrderType.SALE && total.signum() < 0) {
            throw new InvalidEventException("a SALE cannot have a negative total");
        }
        if (type == OrderType.RETURN && total.signum() > 0) {
            throw new InvalidEventException("a RETURN must have a negative (or zero) total");
        }
        return new RecordedOrder(uuid(root, "orderId"), uuid(root, "eventId"), type,
                channel(root), text(root, "source", 200, false), text(root, "externalId", 200, false),
                text(root, "locationId", 64, false), nullableText(root, "region", 64),
                instant(root, "occurredAt"), instant(root, "recordedAt"), currency, total, lines);
    }

    private static OrderType orderType(JsonNode root) throws InvalidEventException {
        String type = text(root, "type", 10, false);
        return switch (type) {
            case "SALE" -> OrderType.SALE;
            case "RETURN" -> OrderType.RETURN;
            default -> throw new InvalidEventException("type must be SALE or RETURN, was '" + type + "'");
        };
    }

    private static String channel(JsonNode root) throws InvalidEventException {
        String channel = text(root, "channel", 20, false);
        if (!CHANNELS.contains(channel)) {
            throw new InvalidEventException("unknown channel '" + channel + "'");
        }
        return channel;
    }

    private static List<RecordedLine> lines(JsonNode root) throws InvalidEventException {
        JsonNode array = root.get("lines");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new InvalidEventException("lines must be a non-empty array");
        }
        if (array.size() > 1000) {
            throw new InvalidEventException("more than 1000 lines");
        }
        List<RecordedLine> lines = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode line = array.get(i);
            String at = "lines[" + i + "].";
            if (!line.isObject()) {
                throw new InvalidEventException("lines[" + i + "] is not an object");
            }
            try {
                JsonNode quantity = line.get("quantity");
                if (quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()
                        || quantity.intValue() < 1 || quantity.intValue() > 1_000_000) {
                    throw new InvalidEventException("quantity must be an integer from 1 to 1000000");
                }
                BigDecimal unitPrice = money(line, "unitPrice", false);
                if (unitPrice.signum() < 0) {
                    throw new InvalidEventException("unitPrice must not be negative");
                }
                lines.add(new RecordedLine(i + 1, text(line, "productId", 64, false), nullableText(line, "name", 300),
                        nullableText(line, "category", 200), quantity.intValue(), unitPrice,
                        money(line, "lineTotal", true)));
            } catch (InvalidEventException e) {
                throw new InvalidEventException(at + e.getMessage());
            }
        }
        return lines;
    }

    private static String text(JsonNode node, String field, int maxLength, boolean nullable)
            throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (nullable) {
                return null;
            }
            throw new InvalidEventException(field + " is required");
        }
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxLength) {
            throw new InvalidEventException(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return value.textValue();
    }

    private static String nullableText(JsonNode node, String field, int maxLength) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.textValue().isEmpty()) {
            return null;
        }
        return text(node, field, maxLength, true);
    }

    private static UUID uuid(JsonNode node, String field) throws InvalidEventException {
        String text = text(node, field, 36, false);
        try {
            UUID id = UUID.fromString(text);
            if (text.length() != 36) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " must be a UUID");
        }
    }

    private static Instant instant(JsonNode node, String field) throws InvalidEventException {
        String text = text(node, field, 64, false);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " must be an ISO-8601 date-time with offset");
        }
    }

    /** A JSON string matching the contract's money pattern, or a JSON number with at most 2 decimals. */
    private static BigDecimal money(JsonNode node, String field, boolean signed) throws InvalidEventException {
        JsonNode value = node.get(field);
        BigDecimal amount;
        if (value == null || value.isNull()) {
            throw new InvalidEventException(field + " is required");
        } else if (value.isTextual()) {
            if (!MONEY.matcher(value.textValue()).matches()) {
                throw new InvalidEventException(field + " must be an amount with at most 2 decimals");
            }
            amount = new BigDecimal(value.textValue());
        } else if (value.isNumber()) {
            amount = value.decimalValue();
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidEventException(field + " must have at most 2 decimals");
            }
        } else {
            throw new InvalidEventException(field + " must be a string or number");
        }
        if (amount.abs().compareTo(MAX_MONEY) > 0) {
            throw new InvalidEventException(field + " is out of range");
        }
        if (!signed && amount.signum() < 0) {
            throw new InvalidEventException(field + " must not be negative");
        }
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
