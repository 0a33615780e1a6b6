package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import io.salespulse.ingest.domain.SaleLine;
import io.salespulse.ingest.domain.SaleType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WooCommerce's {@code order.created} and {@code order.updated} webhooks (the REST API v3 order resource, which is
 * what WooCommerce posts) to canonical drafts.
 * <ul>
 *   <li>order.created: a SALE, externalId = the order {@code id}, occurredAt = {@code date_created_gmt}; lines by
 *   {@code sku} with the unit price {@code subtotal / quantity} (before coupons, without tax, rounded to cents);
 *   {@code discount_total}, {@code total_tax}, {@code shipping_total}; country/region from the shipping address (else
 *   billing). Orders whose status is not a sale ({@code failed}, {@code cancelled}, drafts) are ignored.</li>
 *   <li>order.updated: only refunds matter. The order payload lists refunds as id and amount without their items, so
 *   only a complete refund in one go (status {@code refunded}, a single refund) can be published, as a RETURN of every
 *   line ({@code <order id>:refund:<refund id>}). Partial refunds are dead-lettered once each, for someone to record
 *   the return (POST /api/orders, type RETURN).</li>
 * </ul>
 */
public final class WooCommerceMapper {
    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_UPDATED = "order.updated";
    private static final Set<String> NOT_A_SALE = Set.of("failed", "cancelled", "checkout-draft", "draft",
            "auto-draft", "trash");

    private static final JsonProjection ALLOWED = JsonProjection.of(
            "/id", "/parent_id", "/number", "/status", "/currency", "/version", "/created_via", "/date_created",
            "/date_created_gmt", "/date_modified_gmt", "/date_paid_gmt", "/date_completed_gmt", "/prices_include_tax",
            "/discount_total", "/discount_tax", "/shipping_total", "/shipping_tax", "/cart_tax", "/total",
            "/total_tax",
            "/line_items/*/id", "/line_items/*/name", "/line_items/*/product_id", "/line_items/*/variation_id",
            "/line_items/*/quantity", "/line_items/*/subtotal", "/line_items/*/subtotal_tax", "/line_items/*/total",
            "/line_items/*/total_tax", "/line_items/*/sku", "/line_items/*/price",
            "/shipping_lines/*/id", "/shipping_lines/*/method_id", "/shipping_lines/*/total",
            "/coupon_lines/*/id", "/coupon_lines/*/code", "/coupon_lines/*/discount",
            "/refunds/*/id", "/refunds/*/total",
            "/shipping/country", "/shipping/state", "/billing/country", "/billing/state");

    private final Clock clock;

    public WooCommerceMapper(Clock clock) {
        this.clock = clock;
    }

    public static boolean supports(String topic) {
        return ORDER_CREATED.equals(topic) || ORDER_UPDATED.equals(topic);
    }

    public static JsonNode redact(JsonNode body) {
        return ALLOWED.apply(body);
    }

    /** The personal data of an order (billing and shipping contact), for the pseudonym and the customer store. */
    public static CustomerData customer(String source, JsonNode order, Pseudonymizer pseudonyms) {
        JsonNode billing = order.path("billing");
        String ref = pseudonyms.customerRef(source, Json.text(order, "customer_id"), Json.text(billing, "email"))
                .orElse(null);
        JsonNode shipping = order.get("shipping");
        return new CustomerData(ref, source, Json.text(order, "id"), Json.text(billing, "first_name"),
                Json.text(billing, "last_name"), Json.text(billing, "email"), Json.text(billing, "phone"),
                shipping == null || shipping.isNull() ? null : shipping.deepCopy(),
                billing.isMissingNode() || billing.isNull() ? null : billing.deepCopy());
    }

    public WebhookMapping map(String topic, String source, JsonNode order, String customerRef,
                              ChannelSettings settings) {
        try {
            return switch (topic) {
                case ORDER_CREATED -> created(source, order, customerRef, settings);
                case ORDER_UPDATED -> updated(source, order, customerRef, settings);
                default -> new WebhookMapping.Ignored("topic " + topic + " is not one this service subscribes to");
            };
        } catch (MappingException e) {
            return new WebhookMapping.Unmappable(e.getMessage());
        }
    }

    private WebhookMapping created(String source, JsonNode order, String customerRef, ChannelSettings settings) {
        String orderId = orderId(order);
        String status = Json.text(order, "status");
        if (status != null && NOT_A_SALE.contains(status)) {
            return new WebhookMapping.Ignored("order " + orderId + " has status " + status + ", which is not a sale");
        }
        SaleDraft draft = base(source, order, customerRef, settings)
                .type(SaleType.SALE)
                .externalId(orderId)
                .occurredAt(createdAt(order))
                .build();
        return checked(draft);
    }

    private WebhookMapping updated(String source, JsonNode order, String customerRef, ChannelSettings settings) {
        String orderId = orderId(order);
        JsonNode refunds = order.path("refunds");
        if (!refunds.isArray() || refunds.isEmpty()) {
            return new WebhookMapping.Ignored("update of order " + orderId + " without refunds");
        }
        List<String> refundIds = new ArrayList<>();
        refunds.forEach(refund -> refundIds.add(Json.text(refund, "id")));
        if (refundIds.contains(null)) {
            throw new MappingException("order " + orderId + " lists a refund without id");
        }
        if (refunds.size() == 1 && "refunded".equals(Json.text(order, "status"))) {
            String refundId = refundIds.get(0);
            SaleDraft draft = base(source, order, customerRef, settings)
                    .type(SaleType.RETURN)
                    .externalId(orderId + ":refund:" + refundId)
                    .returnOf(orderId)
                    .occurredAt(first(Json.utcLocal(order.get("date_modified_gmt"), "date_modified_gmt"),
                            createdAt(order)))
                    .build();
            return checked(draft);
        }
        return new WebhookMapping.Unmappable("WooCommerce order " + orderId + " has partial refund(s) "
                + refundIds + ": the webhook does not say which items came back; record the return with "
                + "POST /api/orders (type RETURN, returnOf " + orderId + ")",
                "woocommerce-partial-refund:" + source + ":" + orderId + ":" + String.join(",", refundIds));
    }

    /** Everything a sale and a full refund of the order share: lines, currency, totals, place. */
    private SaleDraft.Builder base(String source, JsonNode order, String customerRef, ChannelSettings settings) {
        List<SaleLine> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            Integer quantity = Json.integer(item.get("quantity"), "line item quantity");
            if (quantity == null || quantity <= 0) {
                continue;
            }
            String sku = Json.text(item, "sku");
            if (sku == null) {
                String name = Json.text(item, "name");
                throw new MappingException("line item " + Json.text(item, "id")
                        + (name == null ? "" : " (\"" + Json.abbreviate(name) + "\")")
                        + " has no SKU, so its product cannot be identified; give the product a SKU in WooCommerce");
            }
            lines.add(new SaleLine(null, sku, null, quantity, unitPrice(item, quantity)));
        }
        if (lines.isEmpty()) {
            throw new MappingException("order " + orderId(order) + " has no line items with a quantity");
        }
        Regions regions = Regions.of(Json.text(order.path("shipping"), "country"),
                Json.text(order.path("shipping"), "state"));
        if (regions.isEmpty()) {
            regions = Regions.of(Json.text(order.path("billing"), "country"), Json.text(order.path("billing"), "state"));
        }
        return SaleDraft.builder(settings.channel(), source)
                .locationId(settings.locationId())
                .currency(first(Json.text(order, "currency"), settings.defaultCurrency()))
                .customerRef(customerRef)
                .region(regions.region())
                .country(regions.country())
                .totals(Json.decimal(order.get("discount_total"), "discount_total"),
                        Json.decimal(order.get("total_tax"), "total_tax"),
                        Json.decimal(order.get("shipping_total"), "shipping_total"))
                .lines(lines);
    }

    /** The line's price per unit before coupons: WooCommerce's {@code price} is after them and has many decimals. */
    private static BigDecimal unitPrice(JsonNode item, int quantity) {
        BigDecimal subtotal = Json.decimal(item.get("subtotal"), "line item subtotal");
        if (subtotal != null) {
            return subtotal.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
        }
        BigDecimal price = Json.decimal(item.get("price"), "line item price");
        if (price == null) {
            throw new MappingException("line item " + Json.text(item, "id") + " has no price");
        }
        return price.setScale(2, RoundingMode.HALF_UP);
    }

    private static Instant createdAt(JsonNode order) {
        return Json.utcLocal(order.get("date_created_gmt"), "date_created_gmt");
    }

    private static String orderId(JsonNode order) {
        String id = Json.text(order, "id");
        if (id == null) {
            throw new MappingException("the order has no id");
        }
        return id;
    }

    private WebhookMapping checked(SaleDraft draft) {
        List<String> problems = SaleDraftRules.problems(draft, clock.instant());
        return problems.isEmpty() ? new WebhookMapping.Sales(List.of(draft), List.of())
                : new WebhookMapping.Unmappable("WooCommerce " + draft.externalId() + ": " + String.join("; ", problems));
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
