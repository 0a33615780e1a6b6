package io.salespulse.orders.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.salespulse.orders.domain.JsonFields.InvalidField;

import java.util.regex.Pattern;

import static io.salespulse.orders.domain.JsonFields.bool;
import static io.salespulse.orders.domain.JsonFields.instant;
import static io.salespulse.orders.domain.JsonFields.matching;
import static io.salespulse.orders.domain.JsonFields.money;
import static io.salespulse.orders.domain.JsonFields.text;

/**
 * Reads records of the compacted catalog topics (deploy/contracts/catalog.products.v1/product.schema.json and
 * catalog.locations.v1/location.schema.json) into {@link CatalogChange}s; a null value is a tombstone.
 */
public final class CatalogParser {
    private static final Pattern LOCATION_KIND = Pattern.compile("^(STORE|WAREHOUSE|ONLINE|MARKETPLACE)$");

    private CatalogParser() {
    }

    public static Result<CatalogChange> product(String key, String json) {
        if (key == null || key.isBlank()) {
            return rejected("product record without key");
        }
        if (json == null) {
            return Result.ok(new CatalogChange.ProductDeleted(key));
        }
        try {
            JsonNode node = JsonFields.parseObject(json);
            String productId = text(node, "", "productId", 1, 64, true);
            requireKey(key, productId, "productId");
            return Result.ok(new CatalogChange.ProductUpsert(new Product(
                    productId,
                    text(node, "", "sku", 1, 64, true),
                    matching(node, "", "gtin", JsonFields.GTIN, false),
                    text(node, "", "name", 1, 300, true),
                    leafCategory(node),
                    money(node, "", "unitPrice", true),
                    matching(node, "", "currency", JsonFields.CURRENCY, true),
                    bool(node, "", "active"),
                    instant(node, "", "updatedAt"))));
        } catch (JsonProcessingException e) {
            return Result.rejected(Rejection.Kind.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
        } catch (InvalidField e) {
            return rejected("invalid product: " + e.getMessage());
        }
    }

    public static Result<CatalogChange> location(String key, String json) {
        if (key == null || key.isBlank()) {
            return rejected("location record without key");
        }
        if (json == null) {
            return Result.ok(new CatalogChange.LocationDeleted(key));
        }
        try {
            JsonNode node = JsonFields.parseObject(json);
            String locationId = text(node, "", "locationId", 1, 64, true);
            requireKey(key, locationId, "locationId");
            return Result.ok(new CatalogChange.LocationUpsert(new Location(
                    locationId,
                    text(node, "", "name", 1, 200, true),
                    matching(node, "", "kind", LOCATION_KIND, true),
                    text(node, "", "region", 1, 64, true),
                    matching(node, "", "country", JsonFields.COUNTRY, false),
                    matching(node, "", "timeZone", JsonFields.TIME_ZONE, true),
                    bool(node, "", "active"),
                    instant(node, "", "updatedAt"))));
        } catch (JsonProcessingException e) {
            return Result.rejected(Rejection.Kind.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
        } catch (InvalidField e) {
            return rejected("invalid location: " + e.getMessage());
        }
    }

    /** The leaf of categoryPath ("Soft drinks" of ["Beverages", "Soft drinks"]); null when the path is empty. */
    private static String leafCategory(JsonNode product) {
        JsonNode path = product.get("categoryPath");
        if (path == null || !path.isArray()) {
            throw new InvalidField("categoryPath must be an array");
        }
        if (path.isEmpty()) {
            return null;
        }
        JsonNode leaf = path.get(path.size() - 1);
        if (!leaf.isTextual() || leaf.textValue().isEmpty() || leaf.textValue().length() > 200) {
            throw new InvalidField("categoryPath must hold names of 1 to 200 characters");
        }
        return leaf.textValue();
    }

    /** A compacted topic is only correct if the key is the entity's id: a mismatch would never be cleaned up. */
    private static void requireKey(String key, String id, String field) {
        if (!key.equals(id)) {
            throw new InvalidField("record key " + key + " differs from " + field + " " + id);
        }
    }

    private static Result<CatalogChange> rejected(String reason) {
        return Result.rejected(Rejection.Kind.INVALID_CATALOG_RECORD, reason);
    }
}
