package io.salespulse.orders.domain;

import io.salespulse.orders.CatalogRecords;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogParserTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void readsAProductWithItsLeafCategory() {
        String json = CatalogRecords.json(CatalogRecords.product("P-1001", "SKU-COLA-330",
                CatalogRecords.gtin13("400638133393"), "Cola 330 ml", List.of("Beverages", "Soft drinks"), "0.89", true, T));
        Contracts.assertValid("catalog.products.v1/product", json);

        Result<CatalogChange> result = CatalogParser.product("P-1001", json);

        assertThat(result).isEqualTo(Result.ok(new CatalogChange.ProductUpsert(new Product("P-1001", "SKU-COLA-330",
                "4006381333931", "Cola 330 ml", "Soft drinks", new BigDecimal("0.89"), "EUR", true, T))));
    }

    @Test
    void readsALocation() {
        String json = CatalogRecords.json(CatalogRecords.location("ST-001", "EU-North", T));
        Contracts.assertValid("catalog.locations.v1/location", json);

        Result<CatalogChange> result = CatalogParser.location("ST-001", json);

        assertThat(result).isEqualTo(Result.ok(new CatalogChange.LocationUpsert(new Location("ST-001", "Store ST-001",
                "STORE", "EU-North", "DE", "Europe/Berlin", true, T))));
    }

    @Test
    void aNullValueIsATombstone() {
        assertThat(CatalogParser.product("P-1001", null)).isEqualTo(Result.ok(new CatalogChange.ProductDeleted("P-1001")));
        assertThat(CatalogParser.location("ST-001", null)).isEqualTo(Result.ok(new CatalogChange.LocationDeleted("ST-001")));
    }

    @Test
    void aKeyThatIsNotTheIdIsRejected() {
        String json = CatalogRecords.json(CatalogRecords.location("ST-001", "EU-North", T));

        Result<CatalogChange> result = CatalogParser.location("ST-002", json);

        assertThat(result).isEqualTo(Result.rejected(Rejection.Kind.INVALID_CATALOG_RECORD,
                "invalid location: record key ST-002 differs from locationId ST-001"));
    }
}
