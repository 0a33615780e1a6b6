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
import java.util.Locale;

/**
 * A marketplace order to a canonical draft, driven only by its {@link MarketplaceMapping}: a new marketplace is
 * configuration, not code. The order becomes a SALE, or a RETURN when the mapped type field holds one of the
 * configured return values (then returnOf is required).
 */
public final class MarketplaceMapper {
    public static final String TOPIC = "order";

    private final Clock clock;

    public MarketplaceMapper(Clock clock) {
        this.clock = clock;
    }

    public static CustomerData customer(String source, JsonNode order, MarketplaceMapping mapping,
                                        Pseudonymizer pseudonyms) {
        String id = at(order, mapping.customerId());
        String email = at(order, mapping.customerEmail());
        String ref = pseudonyms.customerRef(source, id, email).orElse(null);
        return new CustomerData(ref, source, at(order, mapping.externalId()), null, null, email, null, null, null);
    }

    public WebhookMapping map(String source, JsonNode order, String customerRef, MarketplaceMapping mapping,
                              ChannelSettings settings) {
        try {
            return draft(source, order, customerRef, mapping, settings);
        } catch (MappingException e) {
            return new WebhookMapping.Unmappable(e.getMessage());
        }
    }

    private WebhookMapping draft(String source, JsonNode order, String customerRef, MarketplaceMapping mapping,
                                 ChannelSettings settings) {
        String externalId = at(order, mapping.externalId());
        if (externalId == null) {
            throw new MappingException("no order id at " + mapping.externalId());
        }
        JsonNode items = order.at(mapping.lines());
        if (!items.isArray()) {
            throw new MappingException("no array of lines at " + mapping.lines());
        }
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String sku = at(item, mapping.lineSku());
            String gtin = at(item, mapping.lineGtin());
            if (sku == null && gtin == null) {
                throw new MappingException("line " + (i + 1) + " has no SKU or GTIN, so its product cannot be identified");
            }
            Integer quantity = Json.integer(node(item, mapping.lineQuantity()), "line " + (i + 1) + " quantity");
            BigDecimal price = Json.decimal(node(item, mapping.lineUnitPrice()), "line " + (i + 1) + " unit price");
            if (quantity == null || price == null) {
                throw new MappingException("line " + (i + 1) + " needs a quantity and a unit price");
            }
            // One reference per line, as the contract wants it: the SKU when the marketplace sends both.
            lines.add(new SaleLine(null, sku, sku == null ? gtin : null, quantity, price));
        }
        String type = at(order, mapping.type());
        boolean isReturn = type != null && mapping.returnValues().stream().anyMatch(type::equalsIgnoreCase);
        Regions regions = Regions.of(at(order, mapping.country()), region(at(order, mapping.region())));
        SaleDraft draft = SaleDraft.builder(settings.channel(), source)
                .type(isReturn ? SaleType.RETURN : SaleType.SALE)
                .externalId(externalId)
                .returnOf(isReturn ? at(order, mapping.returnOf()) : null)
                .locationId(settings.locationId())
                .occurredAt(Json.instant(node(order, mapping.occurredAt()), "occurredAt"))
                .currency(first(upper(at(order, mapping.currency())), settings.defaultCurrency()))
                .customerRef(customerRef)
                .region(regions.region())
                .country(regions.country())
                .totals(Json.decimal(node(order, mapping.discountTotal()), "discount total"),
                        Json.decimal(node(order, mapping.taxTotal()), "tax total"),
                        Json.decimal(node(order, mapping.shippingTotal()), "shipping total"))
                .lines(lines)
                .build();
        List<String> problems = SaleDraftRules.problems(draft, clock.instant());
        return problems.isEmpty() ? new WebhookMapping.Sales(List.of(draft), List.of())
                : new WebhookMapping.Unmappable(source + " order " + externalId + ": " + String.join("; ", problems));
    }

    /** A region given as {@code IT-MI} or just {@code MI}. */
    private static String region(String value) {
        if (value == null) {
            return null;
        }
        int dash = value.indexOf('-');
        return dash >= 0 ? value.substring(dash + 1) : value;
    }

    private static JsonNode node(JsonNode document, String pointer) {
        return pointer == null ? null : document.at(pointer);
    }

    private static String at(JsonNode document, String pointer) {
        return pointer == null ? null : Json.text(document.at(pointer));
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String first(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
