package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import io.salespulse.ingest.domain.SaleLine;
import io.salespulse.ingest.domain.SaleType;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shopify's {@code orders/create} and {@code refunds/create} webhooks (REST Admin API resources Order and Refund, as
 * the webhook reference documents them) to canonical drafts.
 * <ul>
 *   <li>orders/create: externalId = the order {@code id}; occurredAt = {@code processed_at} (or {@code created_at});
 *   the shop currency; one line per line item, by {@code sku}, {@code quantity} at {@code price}; discounts, taxes and
 *   shipping from {@code current_total_discounts}, {@code current_total_tax}, {@code total_shipping_price_set};
 *   country/region from the shipping address (else billing); {@code current_total_price} is checked against the
 *   parts.</li>
 *   <li>refunds/create: a RETURN {@code <order id>:refund:<refund id>} of the refunded line items, returnOf the order;
 *   a refund without line items (money only) returns no goods and is ignored.</li>
 * </ul>
 * A line item without SKU cannot be mapped: the whole delivery is dead-lettered, never half-published.
 */
public final class ShopifyMapper {
    public static final String ORDERS_CREATE = "orders/create";
    public static final String REFUNDS_CREATE = "refunds/create";

    /** What survives redaction: everything the mapping reads, plus harmless context for whoever reads a dead letter. */
    private static final Map<String, JsonProjection> ALLOWED = Map.of(
            ORDERS_CREATE, JsonProjection.of(
                    "/id", "/admin_graphql_api_id", "/name", "/order_number", "/number", "/created_at",
                    "/processed_at", "/updated_at", "/cancelled_at", "/test", "/currency", "/presentment_currency",
                    "/taxes_included", "/financial_status", "/fulfillment_status", "/source_name",
                    "/current_total_price", "/total_price", "/current_subtotal_price", "/subtotal_price",
                    "/current_total_tax", "/total_tax", "/current_total_discounts", "/total_discounts",
                    "/total_shipping_price_set/shop_money", "/current_total_duties_set/shop_money",
                    "/total_tip_received", "/discount_codes/*/code", "/discount_codes/*/amount",
                    "/discount_codes/*/type",
                    "/line_items/*/id", "/line_items/*/product_id", "/line_items/*/variant_id", "/line_items/*/sku",
                    "/line_items/*/title", "/line_items/*/variant_title", "/line_items/*/quantity",
                    "/line_items/*/current_quantity", "/line_items/*/price", "/line_items/*/price_set/shop_money",
                    "/line_items/*/total_discount", "/line_items/*/gift_card",
                    "/shipping_lines/*/id", "/shipping_lines/*/code", "/shipping_lines/*/price",
                    "/shipping_lines/*/discounted_price",
                    "/shipping_address/country_code", "/shipping_address/province_code",
                    "/billing_address/country_code", "/billing_address/province_code"),
            REFUNDS_CREATE, JsonProjection.of(
                    "/id", "/order_id", "/admin_graphql_api_id", "/created_at", "/processed_at", "/restock",
                    "/refund_line_items/*/id", "/refund_line_items/*/line_item_id", "/refund_line_items/*/quantity",
                    "/refund_line_items/*/restock_type", "/refund_line_items/*/location_id",
                    "/refund_line_items/*/subtotal", "/refund_line_items/*/total_tax",
                    "/refund_line_items/*/line_item/id", "/refund_line_items/*/line_item/product_id",
                    "/refund_line_items/*/line_item/variant_id", "/refund_line_items/*/line_item/sku",
                    "/refund_line_items/*/line_item/title", "/refund_line_items/*/line_item/quantity",
                    "/refund_line_items/*/line_item/price", "/refund_line_items/*/line_item/price_set/shop_money",
                    "/transactions/*/id", "/transactions/*/kind", "/transactions/*/status",
                    "/transactions/*/amount", "/transactions/*/currency",
                    "/order_adjustments/*/id", "/order_adjustments/*/kind", "/order_adjustments/*/amount",
                    "/order_adjustments/*/tax_amount"));

    private final Clock clock;

    public ShopifyMapper(Clock clock) {
        this.clock = clock;
    }

    public static boolean supports(String topic) {
        return ALLOWED.containsKey(topic);
    }

    /** The body as it may be stored and dead-lettered: only the allowed fields of {@code topic}. */
    public static JsonNode redact(String topic, JsonNode body) {
        return ALLOWED.get(topic).apply(body);
    }

    /** The personal data of an orders/create body (refunds carry none), for the pseudonym and the customer store. */
    public static CustomerData customer(String topic, String source, JsonNode body, Pseudonymizer pseudonyms) {
        if (!ORDERS_CREATE.equals(topic)) {
            return null;
        }
        JsonNode customer = body.path("customer");
        String email = first(Json.text(body, "email"), Json.text(body, "contact_email"), Json.text(customer, "email"));
        String ref = pseudonyms.customerRef(source, Json.text(customer, "id"), email).orElse(null);
        JsonNode shipping = body.get("shipping_address");
        JsonNode billing = body.get("billing_address");
        return new CustomerData(ref, source, Json.text(body, "id"), Json.text(customer, "first_name"),
                Json.text(customer, "last_name"), email,
                first(Json.text(body, "phone"), Json.text(customer, "phone")),
                shipping == null || shipping.isNull() ? null : shipping.deepCopy(),
                billing == null || billing.isNull() ? null : billing.deepCopy());
    }

    /** Maps a (redacted) delivery body. */
    public WebhookMapping map(String topic, String source, JsonNode body, String customerRef, ChannelSettings settings) {
        try {
            return switch (topic) {
                case ORDERS_CREATE -> order(source, body, customerRef, settings);
                case REFUNDS_CREATE -> refund(source, body, settings);
                default -> new WebhookMapping.Ignored("topic " + topic + " is not one this service subscribes to");
            };
        } catch (MappingException e) {
            return new WebhookMapping.Unmappable(e.getMessage());
        }
    }

    private WebhookMapping order(String source, JsonNode order, String customerRef, ChannelSettings settings) {
        String orderId = required(Json.text(order, "id"), "the order has no id");
        List<SaleLine> lines = new ArrayList<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (JsonNode item : order.path("line_items")) {
            Integer quantity = Json.integer(item.get("quantity"), "line item quantity");
            if (quantity == null || quantity == 0) {
                continue;
            }
            BigDecimal price = required(Json.decimal(item.get("price"), "line item price"),
                    "line item " + Json.text(item, "id") + " has no price");
            lines.add(new SaleLine(null, sku(item, "line item " + Json.text(item, "id")), null, quantity, price));
            itemsTotal = itemsTotal.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        if (lines.isEmpty()) {
            throw new MappingException("order " + orderId + " has no line items with a quantity");
        }
        Regions regions = Regions.of(Json.text(order.path("shipping_address"), "country_code"),
                Json.text(order.path("shipping_address"), "province_code"));
        if (regions.isEmpty()) {
            regions = Regions.of(Json.text(order.path("billing_address"), "country_code"),
                    Json.text(order.path("billing_address"), "province_code"));
        }
        BigDecimal discounts = firstDecimal(order, "current_total_discounts", "total_discounts");
        BigDecimal taxes = firstDecimal(order, "current_total_tax", "total_tax");
        BigDecimal shipping = shipping(order);
        SaleDraft draft = SaleDraft.builder(settings.channel(), source)
                .type(SaleType.SALE)
                .externalId(orderId)
                .locationId(settings.locationId())
                .occurredAt(first(Json.instant(order.get("processed_at"), "processed_at"),
                        Json.instant(order.get("created_at"), "created_at")))
                .currency(first(Json.text(order, "currency"), settings.defaultCurrency()))
                .customerRef(customerRef)
                .region(regions.region())
                .country(regions.country())
                .totals(discounts, taxes, shipping)
                .lines(lines)
                .build();
        List<String> warnings = new ArrayList<>();
        BigDecimal stated = firstDecimal(order, "current_total_price", "total_price");
        if (stated != null) {
            BigDecimal computed = itemsTotal.subtract(orZero(discounts)).add(orZero(shipping))
                    .add(order.path("taxes_included").asBoolean(false) ? BigDecimal.ZERO : orZero(taxes))
                    .add(orZero(Json.decimal(order.path("current_total_duties_set").path("shop_money").get("amount"),
                            "duties")))
                    .add(orZero(Json.decimal(order.get("total_tip_received"), "tip")));
            if (computed.subtract(stated).abs().compareTo(new BigDecimal("0.01")) > 0) {
                warnings.add("order " + orderId + ": current_total_price " + stated.toPlainString()
                        + " differs from lines - discounts + shipping + taxes = " + computed.toPlainString());
            }
        }
        return checked(draft, warnings);
    }

    private WebhookMapping refund(String source, JsonNode refund, ChannelSettings settings) {
        String refundId = required(Json.text(refund, "id"), "the refund has no id");
        String orderId = required(Json.text(refund, "order_id"), "refund " + refundId + " has no order_id");
        List<SaleLine> lines = new ArrayList<>();
        BigDecimal taxes = BigDecimal.ZERO;
        String currency = null;
        for (JsonNode refunded : refund.path("refund_line_items")) {
            Integer quantity = Json.integer(refunded.get("quantity"), "refund line quantity");
            if (quantity == null || quantity == 0) {
                continue;
            }
            JsonNode item = refunded.path("line_item");
            BigDecimal price = required(Json.decimal(item.get("price"), "refunded line item price"),
                    "refunded line item " + Json.text(item, "id") + " has no price");
            lines.add(new SaleLine(null, sku(item, "refunded line item " + Json.text(item, "id")), null, quantity,
                    price));
            taxes = taxes.add(orZero(Json.decimal(refunded.get("total_tax"), "refund line total_tax")));
            currency = first(currency, Json.text(item.path("price_set").path("shop_money"), "currency_code"));
        }
        if (lines.isEmpty()) {
            return new WebhookMapping.Ignored("refund " + refundId + " of order " + orderId
                    + " has no line items (money only): no goods come back");
        }
        BigDecimal shipping = BigDecimal.ZERO;
        for (JsonNode adjustment : refund.path("order_adjustments")) {
            if ("shipping_refund".equals(Json.text(adjustment, "kind"))) {
                shipping = shipping.add(orZero(Json.decimal(adjustment.get("amount"), "order adjustment amount")).abs());
            }
        }
        for (JsonNode transaction : refund.path("transactions")) {
            currency = first(currency, Json.text(transaction, "currency"));
        }
        SaleDraft draft = SaleDraft.builder(settings.channel(), source)
                .type(SaleType.RETURN)
                .externalId(orderId + ":refund:" + refundId)
                .returnOf(orderId)
                .locationId(settings.locationId())
                .occurredAt(first(Json.instant(refund.get("processed_at"), "processed_at"),
                        Json.instant(refund.get("created_at"), "created_at")))
                .currency(first(currency, settings.defaultCurrency()))
                .totals(null, taxes, shipping)
                .lines(lines)
                .build();
        return checked(draft, List.of());
    }

    private WebhookMapping checked(SaleDraft draft, List<String> warnings) {
        List<String> problems = SaleDraftRules.problems(draft, clock.instant());
        return problems.isEmpty() ? new WebhookMapping.Sales(List.of(draft), warnings)
                : new WebhookMapping.Unmappable("Shopify " + draft.externalId() + ": " + String.join("; ", problems));
    }

    private static String sku(JsonNode item, String which) {
        String sku = Json.text(item, "sku");
        if (sku == null) {
            String title = Json.text(item, "title");
            throw new MappingException(which + (title == null ? "" : " (\"" + Json.abbreviate(title) + "\")")
                    + " has no SKU, so its product cannot be identified; give the product variant a SKU in Shopify");
        }
        return sku;
    }

    private static BigDecimal shipping(JsonNode order) {
        BigDecimal total = Json.decimal(order.path("total_shipping_price_set").path("shop_money").get("amount"),
                "total_shipping_price_set");
        if (total != null) {
            return total;
        }
        BigDecimal sum = null;
        for (JsonNode line : order.path("shipping_lines")) {
            BigDecimal price = Json.decimal(line.has("discounted_price") ? line.get("discounted_price")
                    : line.get("price"), "shipping line price");
            sum = price == null ? sum : orZero(sum).add(price);
        }
        return sum;
    }

    private static BigDecimal firstDecimal(JsonNode node, String field, String fallback) {
        BigDecimal value = Json.decimal(node.get(field), field);
        return value != null ? value : Json.decimal(node.get(fallback), fallback);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static <T> T required(T value, String problem) {
        if (value == null) {
            throw new MappingException(problem);
        }
        return value;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
