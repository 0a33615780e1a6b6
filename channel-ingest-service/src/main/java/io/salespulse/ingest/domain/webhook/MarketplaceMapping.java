package io.salespulse.ingest.domain.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a marketplace keeps each canonical field in its order JSON: JSON Pointers
 * (salespulse.marketplaces.&lt;name&gt;.mapping.*). Line pointers are relative to one element of {@code lines}.
 * Required: externalId, lines, lineQuantity, lineUnitPrice and lineSku or lineGtin; everything else is optional.
 */
public record MarketplaceMapping(String externalId, String deliveryId, String occurredAt, String currency, String lines,
                                 String lineSku, String lineGtin, String lineQuantity, String lineUnitPrice,
                                 String country, String region, String customerId, String customerEmail,
                                 String taxTotal, String discountTotal, String shippingTotal, String type,
                                 List<String> returnValues, String returnOf) {

    public MarketplaceMapping {
        Objects.requireNonNull(externalId, "mapping.external-id is required");
        Objects.requireNonNull(lines, "mapping.lines is required");
        Objects.requireNonNull(lineQuantity, "mapping.line-quantity is required");
        Objects.requireNonNull(lineUnitPrice, "mapping.line-unit-price is required");
        if (lineSku == null && lineGtin == null) {
            throw new IllegalArgumentException("mapping.line-sku or mapping.line-gtin is required");
        }
        returnValues = returnValues == null ? List.of() : List.copyOf(returnValues);
        Stream.of(externalId, deliveryId, occurredAt, currency, lines, lineSku, lineGtin, lineQuantity, lineUnitPrice,
                        country, region, customerId, customerEmail, taxTotal, discountTotal, shippingTotal, type, returnOf)
                .filter(Objects::nonNull)
                .forEach(MarketplaceMapping::checkPointer);
    }

    /**
     * What survives redaction: exactly the mapped fields (the customer's id and e-mail address are read at receipt
     * for the pseudonym and never kept).
     */
    public JsonProjection allowlist() {
        List<String> pointers = new ArrayList<>();
        Stream.of(externalId, deliveryId, occurredAt, currency, country, region, taxTotal, discountTotal,
                        shippingTotal, type, returnOf)
                .filter(Objects::nonNull)
                .forEach(pointers::add);
        Stream.of(lineSku, lineGtin, lineQuantity, lineUnitPrice)
                .filter(Objects::nonNull)
                .forEach(line -> pointers.add(lines + "/*" + line));
        return new JsonProjection(pointers);
    }

    private static void checkPointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("mapping paths are JSON Pointers starting with '/': " + pointer);
        }
    }
}
