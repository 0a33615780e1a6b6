package io.salespulse.orders.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.orders.domain.JsonFields.InvalidField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.salespulse.orders.domain.JsonFields.array;
import static io.salespulse.orders.domain.JsonFields.enumValue;
import static io.salespulse.orders.domain.JsonFields.instant;
import static io.salespulse.orders.domain.JsonFields.integer;
import static io.salespulse.orders.domain.JsonFields.matching;
import static io.salespulse.orders.domain.JsonFields.money;
import static io.salespulse.orders.domain.JsonFields.text;
import static io.salespulse.orders.domain.JsonFields.uuid;

/**
 * Parses and validates the value of a sales.events.v1 record by the rules of
 * deploy/contracts/sales.events.v1/sale-event.schema.json. Hand-written rather than a schema validator at runtime:
 * it yields a precise reason for the dead-letter topic and the typed {@link SaleEvent} in one pass.
 */
public final class SaleEventParser {

    private SaleEventParser() {
    }

    public static Result<SaleEvent> parse(String json) {
        if (json == null) {
            return Result.rejected(Rejection.Kind.INVALID_EVENT, "invalid sale event: the record has no value");
        }
        JsonNode root;
        try {
            root = JsonFields.parseObject(json);
        } catch (JsonProcessingException e) {
            return Result.rejected(Rejection.Kind.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
        } catch (InvalidField e) {
            return Result.rejected(Rejection.Kind.INVALID_EVENT, "invalid sale event: " + e.getMessage());
        }
        try {
            return Result.ok(read(root));
        } catch (InvalidField e) {
            return Result.rejected(Rejection.Kind.INVALID_EVENT, "invalid sale event: " + e.getMessage());
        }
    }

    private static SaleEvent read(JsonNode event) {
        UUID eventId = uuid(event, "", "eventId");
        OrderType type = enumValue(event, "", "type", OrderType.class);
        Channel channel = enumValue(event, "", "channel", Channel.class);
        String source = text(event, "", "source", 1, 200, true);
        String externalId = text(event, "", "externalId", 1, 200, true);
        String locationId = text(event, "", "locationId", 1, 64, true);
        var occurredAt = instant(event, "", "occurredAt");
        String currency = matching(event, "", "currency", JsonFields.CURRENCY, true);
        JsonNode lineNodes = array(event, "", "lines", 1, 1000);
        List<SaleEvent.Line> lines = new ArrayList<>(lineNodes.size());
        for (int i = 0; i < lineNodes.size(); i++) {
            lines.add(line(lineNodes.get(i), "lines[" + i + "]."));
        }
        String customerRef = text(event, "", "customerRef", 1, 128, false);
        String returnOf = text(event, "", "returnOf", 1, 200, type == OrderType.RETURN);
        String region = text(event, "", "region", 1, 64, false);
        // Validated so a broken event is not half-accepted, though an order's total is the sum of its lines.
        matching(event, "", "country", JsonFields.COUNTRY, false);
        money(event, "", "discountTotal", false);
        money(event, "", "taxTotal", false);
        money(event, "", "shippingTotal", false);
        return new SaleEvent(eventId, type, channel, source, externalId, locationId, occurredAt, currency, lines,
                customerRef, returnOf, region);
    }

    private static SaleEvent.Line line(JsonNode line, String path) {
        if (line == null || !line.isObject()) {
            throw new InvalidField(path.substring(0, path.length() - 1) + " must be an object");
        }
        String productId = text(line, path, "productId", 1, 64, false);
        String sku = text(line, path, "sku", 1, 64, false);
        String gtin = matching(line, path, "gtin", JsonFields.GTIN, false);
        if (productId == null && sku == null && gtin == null) {
            throw new InvalidField(path + "productId, " + path + "sku or " + path + "gtin is required");
        }
        int quantity = integer(line, path, "quantity", 1, 1_000_000);
        BigDecimal unitPrice = money(line, path, "unitPrice", true);
        return new SaleEvent.Line(productId, sku, gtin, quantity, unitPrice);
    }
}
