package io.salespulse.ingest.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of POST /orders (Bean Validation on its request records) for drafts made by adapters that have no request
 * record of their own: webhooks and POS imports. Same limits, so an event is valid whichever way it came in; the
 * answer is a list of readable problems instead of constraint violations.
 */
public final class SaleDraftRules {
    public static final int MAX_LINES = 1000;
    public static final int MAX_QUANTITY = 10_000;
    public static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);
    /** Identifiers: no leading or trailing whitespace, no control characters (PostgreSQL refuses a NUL in text). */
    public static final String TRIMMED = "[^\\s\\p{Cntrl}]([^\\p{Cntrl}]*[^\\s\\p{Cntrl}])?";
    private static final Pattern TRIMMED_PATTERN = Pattern.compile(TRIMMED);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** The largest amount the platform stores (NUMERIC(14,2)): a unit price, a line total and an order total. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    /** No sale happened before this: an older time is a typo (and years before 1 cannot be stored at all). */
    public static final Instant EARLIEST_SALE = Instant.parse("2000-01-01T00:00:00Z");

    private SaleDraftRules() {
    }

    /** Everything wrong with {@code draft}; empty when it may be published. */
    public static List<String> problems(SaleDraft draft, Instant now) {
        List<String> problems = new ArrayList<>();
        identifier(problems, "externalId", draft.externalId(), 200);
        identifier(problems, "source", draft.source(), 200);
        identifier(problems, "locationId", draft.locationId(), 64);
        identifier(problems, "customerRef", draft.customerRef(), 128);
        identifier(problems, "returnOf", draft.returnOf(), 200);
        identifier(problems, "region", draft.region(), 64);
        if (draft.currency() != null && !IsoCurrencyValidator.isValid(draft.currency())) {
            problems.add("currency " + draft.currency() + " is not a known ISO 4217 code");
        }
        if (draft.country() != null && !COUNTRY.matcher(draft.country()).matches()) {
            problems.add("country " + draft.country() + " is not an ISO 3166-1 alpha-2 code");
        }
        if (draft.occurredAt() != null && draft.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add("occurredAt " + draft.occurredAt() + " is more than 5 s in the future");
        }
        if (draft.occurredAt() != null && draft.occurredAt().isBefore(EARLIEST_SALE)) {
            problems.add("occurredAt " + draft.occurredAt() + " is before " + EARLIEST_SALE);
        }
        if ((draft.type() == SaleType.RETURN) != (draft.returnOf() != null)) {
            problems.add(draft.type() == SaleType.RETURN ? "a RETURN needs returnOf" : "returnOf is only for a RETURN");
        }
        money(problems, "discountTotal", draft.discountTotal());
        money(problems, "taxTotal", draft.taxTotal());
        money(problems, "shippingTotal", draft.shippingTotal());
        if (draft.lines().isEmpty() || draft.lines().size() > MAX_LINES) {
            problems.add("a sale has 1 to " + MAX_LINES + " lines, not " + draft.lines().size());
        }
        for (int i = 0; i < draft.lines().size() && problems.size() < 20; i++) {
            line(problems, "line " + (i + 1), draft.lines().get(i));
        }
        if (!withinMaxTotal(draft.lines().stream().flatMap(l -> lineAmount(l.quantity(), l.unitPrice())))) {
            problems.add("the lines add up to more than " + MAX_MONEY);
        }
        return problems;
    }

    /**
     * quantity x price, or nothing when either is missing or the price is itself too large: those have a check of
     * their own, and one mistake gets one error.
     */
    public static Stream<BigDecimal> lineAmount(Integer quantity, BigDecimal price) {
        return quantity == null || price == null || price.compareTo(MAX_MONEY) > 0 ? Stream.empty()
                : Stream.of(price.multiply(BigDecimal.valueOf(quantity)));
    }

    /** Whether these line amounts (all >= 0) add up to an order total the platform can store. */
    public static boolean withinMaxTotal(Stream<BigDecimal> lineAmounts) {
        return lineAmounts.reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(MAX_MONEY) <= 0;
    }

    private static void line(List<String> problems, String where, SaleLine line) {
        long references = (line.productId() != null ? 1 : 0) + (line.sku() != null ? 1 : 0) + (line.gtin() != null ? 1 : 0);
        if (references != 1) {
            problems.add(where + ": exactly one of productId, sku or gtin is required");
        }
        identifier(problems, where + " productId", line.productId(), 64);
        identifier(problems, where + " sku", line.sku(), 64);
        if (line.gtin() != null && !GtinValidator.isValid(line.gtin())) {
            problems.add(where + ": gtin " + line.gtin() + " is not a GTIN with a valid check digit");
        }
        if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            problems.add(where + ": quantity " + line.quantity() + " is not between 1 and " + MAX_QUANTITY);
        }
        if (line.unitPrice() == null) {
            problems.add(where + ": unit price is missing");
        } else {
            money(problems, where + " unit price", line.unitPrice());
        }
    }

    private static void identifier(List<String> problems, String what, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            problems.add(what + " is longer than " + maxLength + " characters");
        } else if (!TRIMMED_PATTERN.matcher(value).matches()) {
            problems.add(what + " must not be blank, start or end with whitespace, nor contain control characters");
        }
    }

    private static void money(List<String> problems, String what, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(what + " " + amount.toPlainString() + " is negative");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(what + " " + amount.toPlainString() + " has more than 2 decimals");
        } else if (amount.compareTo(MAX_MONEY) > 0) {
            problems.add(what + " " + amount.toPlainString() + " is too large");
        }
    }
}
