package io.salespulse.load;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFactoryTest {
    private final DemoCatalog catalog = DemoCatalog.load();
    private final OrderFactory factory = new OrderFactory(catalog, new SplittableRandom(7));

    @Test
    void ordersAreValidForTheIngestApi() {
        Set<String> channels = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> order = factory.sale(Instant.parse("2026-11-21T12:00:00Z"), "t-");
            channels.add((String) order.get("channel"));
            externalIds.add((String) order.get("externalId"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
            assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            assertThat(lines).allSatisfy(line -> assertThat(((Number) line.get("quantity")).intValue()).isPositive());
            assertThat(OrderFactory.total(order)).isGreaterThan(BigDecimal.ZERO);
        }
        assertThat(channels).containsExactlyInAnyOrder("STORE", "WEB", "MARKETPLACE", "API");
        assertThat(externalIds).hasSize(2000);
    }

    @Test
    void demandPeaksAtLunchAndIsQuietAtNight() {
        assertThat(OrderFactory.demandFactor(12.75)).isGreaterThan(OrderFactory.demandFactor(10.5));
        assertThat(OrderFactory.demandFactor(3)).isLessThan(0.2);
        assertThat(OrderFactory.demandFactor(8.5)).isGreaterThan(OrderFactory.demandFactor(3) * 4);
    }

    @Test
    void theDemoCatalogHasSixStoresAndAFulfilmentCentre() {
        assertThat(catalog.stores()).hasSize(6);
        assertThat(catalog.fulfilmentCentre().id()).isEqualTo("WEB-FC");
        assertThat(catalog.marketplaceSources()).hasSize(2);
        assertThat(catalog.products()).hasSizeGreaterThanOrEqualTo(30);
    }
}
