package io.salespulse.orders.rest;

import io.salespulse.orders.domain.Channel;
import io.salespulse.orders.domain.OrderCriteria;
import io.salespulse.orders.domain.OrderSort;
import io.salespulse.orders.domain.OrderType;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the query parameters of GET /orders into {@link OrderCriteria}. Parameters arrive as strings and are parsed
 * here so that every invalid one is named in a single 400 problem (JAX-RS would answer 404 for an unparsable
 * query parameter).
 */
final class OrderQueryParams {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private OrderQueryParams() {
    }

    static OrderCriteria parse(String from, String to, String channel, String locationId, String productId,
                               String type, String minTotal, String maxTotal, String sort, String page,
                               String size) {
        OrderQueryParams params = new OrderQueryParams();
        Instant fromInstant = params.instant("from", from);
        Instant toInstant = params.instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            params.errors.add(new Problem.FieldError("to", "must be after from"));
        }
        Channel channelValue = params.enumValue("channel", channel, Channel.class);
        OrderType typeValue = params.enumValue("type", type, OrderType.class);
        BigDecimal min = params.amount("minTotal", minTotal);
        BigDecimal max = params.amount("maxTotal", maxTotal);
        if (min != null && max != null && min.compareTo(max) > 0) {
            params.errors.add(new Problem.FieldError("maxTotal", "must not be less than minTotal"));
        }
        OrderSort sortValue = blank(sort) ? OrderSort.DEFAULT : OrderSort.parse(sort.strip()).orElse(null);
        if (sortValue == null) {
            params.errors.add(new Problem.FieldError("sort", "must be one of "
                    + Arrays.stream(OrderSort.Field.values()).map(OrderSort.Field::apiName).toList()
                    + ", optionally prefixed with - for descending order"));
        }
        int pageValue = params.integer("page", page, 0, 0, 1_000_000);
        int sizeValue = params.integer("size", size, OrderCriteria.DEFAULT_SIZE, 1, OrderCriteria.MAX_SIZE);
        if (!params.errors.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Invalid request", 400,
                    "The request has " + params.errors.size() + " invalid parameter(s)", null, params.errors));
        }
        return new OrderCriteria(fromInstant, toInstant, channelValue, emptyToNull(locationId),
                emptyToNull(productId), typeValue, min, max, sortValue, pageValue, sizeValue);
    }

    private Instant instant(String name, String value) {
        return parsed(name, value, text -> OffsetDateTime.parse(text).toInstant(),
                "must be an ISO-8601 date-time with offset, e.g. 2025-01-31T00:00:00Z");
    }

    private BigDecimal amount(String name, String value) {
        return parsed(name, value, BigDecimal::new, "must be a decimal amount, e.g. 19.99");
    }

    private <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        return parsed(name, value, text -> Enum.valueOf(type, text),
                "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private int integer(String name, String value, int defaultValue, int min, int max) {
        Integer parsed = parsed(name, value, Integer::valueOf, "must be an integer from " + min + " to " + max);
        if (parsed == null) {
            return defaultValue;
        }
        if (parsed < min || parsed > max) {
            errors.add(new Problem.FieldError(name, "must be an integer from " + min + " to " + max));
            return defaultValue;
        }
        return parsed;
    }

    private <T> T parsed(String name, String value, Function<String, T> parser, String message) {
        if (blank(value)) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException.
            errors.add(new Problem.FieldError(name, message));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
