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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the query parameters of GET /orders into {@link OrderCriteria}. Parameters arrive as strings and are parsed
 * here so that every invalid one is named in a single 400 problem (JAX-RS would answer 404 for an unparsable
 * query parameter).
 * <p>
 * {@code channel} and {@code source} may repeat (any of the values matches). {@code channel} also takes a comma
 * list ({@code channel=WEB,STORE}) because channel names never contain a comma; {@code source} does not, because a
 * source is free text of up to 200 characters from the channel and may contain one.
 */
final class OrderQueryParams {
    /** More would not be a choice made in a UI; it bounds the size of the array parameter. */
    static final int MAX_VALUES = 100;
    static final int MAX_SOURCE_LENGTH = 200;
    /** The largest order total stored (NUMERIC(14,2)). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private OrderQueryParams() {
    }

    static OrderCriteria parse(String from, String to, List<String> channel, List<String> source, String locationId,
                               String productId, String type, String currency, String minTotal, String maxTotal,
                               String sort, String page, String size) {
        OrderQueryParams params = new OrderQueryParams();
        Instant fromInstant = params.instant("from", from);
        Instant toInstant = params.instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            params.errors.add(new Problem.FieldError("to", "must be after from"));
        }
        Set<Channel> channels = params.channels(channel);
        Set<String> sources = params.sources(source);
        String location = params.text("locationId", locationId);
        String product = params.text("productId", productId);
        OrderType typeValue = params.enumValue("type", type, OrderType.class);
        String currencyValue = params.currency(currency);
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
        return new OrderCriteria(fromInstant, toInstant, channels, sources, location, product, typeValue,
                currencyValue, min, max, sortValue, pageValue, sizeValue);
    }

    /** An ISO 4217 code in upper case (totals of different currencies are not comparable), or null. */
    private String currency(String value) {
        if (blank(value)) {
            return null;
        }
        String code = value.strip();
        if (!code.matches("[A-Z]{3}")) {
            errors.add(new Problem.FieldError("currency", "must be an ISO 4217 code such as EUR"));
            return null;
        }
        return code;
    }

    /** Repeated and comma-separated channel names; blank items are ignored. */
    private Set<Channel> channels(List<String> values) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        List<String> unknown = new ArrayList<>();
        for (String value : nonBlank(values)) {
            for (String item : value.split(",")) {
                String name = item.strip();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    channels.add(Channel.valueOf(name));
                } catch (IllegalArgumentException e) {
                    unknown.add(name);
                }
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError("channel", "must be one of " + Arrays.toString(Channel.values())
                    + " (repeated or comma-separated); unknown: " + String.join(", ", unknown)));
        }
        return channels;
    }

    /** Repeated exact source names, e.g. shopify:demo-shop.myshopify.com or store:ST-001. */
    private Set<String> sources(List<String> values) {
        Set<String> sources = new LinkedHashSet<>();
        for (String value : nonBlank(values)) {
            String source = value.strip();
            if (source.length() > MAX_SOURCE_LENGTH) {
                errors.add(new Problem.FieldError("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
                return Set.of();
            }
            if (text("source", source) == null) {
                return Set.of();
            }
            sources.add(source);
        }
        if (sources.size() > MAX_VALUES) {
            errors.add(new Problem.FieldError("source", "must not name more than " + MAX_VALUES + " sources"));
            return Set.of();
        }
        return sources;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !blank(v)).toList();
    }

    private Instant instant(String name, String value) {
        return parsed(name, value, text -> inStoredRange(OffsetDateTime.parse(text)).toInstant(),
                "must be an ISO-8601 date-time with offset from year 1 to 9999, e.g. 2025-01-31T00:00:00Z");
    }

    private BigDecimal amount(String name, String value) {
        return parsed(name, value, text -> inStoredRange(new BigDecimal(text)),
                "must be a decimal amount of at most " + MAX_AMOUNT + " either way, e.g. 19.99");
    }

    /** A plain identifier filter; PostgreSQL refuses a NUL in text, and no identifier has control characters. */
    private String text(String name, String value) {
        String text = emptyToNull(value);
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(name, "must not contain control characters"));
            return null;
        }
        return text;
    }

    // Beyond these PostgreSQL would refuse the parameter (a 500); nothing stored lies outside them anyway.
    private static OffsetDateTime inStoredRange(OffsetDateTime time) {
        if (time.getYear() < 1 || time.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return time;
    }

    private static BigDecimal inStoredRange(BigDecimal amount) {
        if (amount.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("amount out of range");
        }
        return amount;
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
