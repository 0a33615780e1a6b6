package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salespulse.ingest.Samples;
import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleLine;
import io.salespulse.ingest.domain.SaleType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A marketplace is configuration: the demo-market mapping of application.properties, applied to its sample. */
class MarketplaceMapperTest {
    static final MarketplaceMapping DEMO_MARKET = new MarketplaceMapping("/order/id", null, "/order/placedAt",
            "/order/currency", "/order/items", "/sellerSku", "/ean", "/qty", "/unitPrice/amount",
            "/order/shipTo/countryCode", "/order/shipTo/regionCode", "/order/buyer/id", null, "/order/totals/tax",
            "/order/totals/discount", "/order/totals/shipping", "/kind", List.of("RETURN"), "/order/originalOrderId");
    private static final String SOURCE = "marketplace:demo-market";
    private final MarketplaceMapper mapper = new MarketplaceMapper(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void theConfiguredPointersMakeTheSale() {
        SaleDraft sale = single(map(Samples.json("demo-market-order.json")));

        assertThat(sale.type()).isEqualTo(SaleType.SALE);
        assertThat(sale.channel()).isEqualTo(Channel.MARKETPLACE);
        assertThat(sale.source()).isEqualTo(SOURCE);
        assertThat(sale.externalId()).isEqualTo("DM-2026-000187");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-03-14T09:30:00Z"));
        assertThat(sale.currency()).isEqualTo("EUR");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(null, "SKU-COLA-330", null, 6, new BigDecimal("1.49")),
                new SaleLine(null, null, "4006381333931", 2, new BigDecimal("0.99")));
        assertThat(sale.country()).isEqualTo("AT");
        assertThat(sale.region()).isEqualTo("AT-9");
        assertThat(sale.taxTotal()).isEqualByComparingTo("1.80");
        assertThat(sale.shippingTotal()).isEqualByComparingTo("3.90");
    }

    @Test
    void aConfiguredReturnValueMakesAReturn() {
        ObjectNode order = Samples.json("demo-market-order.json");
        order.put("kind", "return");
        ((ObjectNode) order.get("order")).put("id", "DM-2026-000187-R1").put("originalOrderId", "DM-2026-000187");

        SaleDraft giveBack = single(map(order));

        assertThat(giveBack.type()).isEqualTo(SaleType.RETURN);
        assertThat(giveBack.returnOf()).isEqualTo("DM-2026-000187");
    }

    @Test
    void aLineWithoutProductReferenceIsUnmappable() {
        ObjectNode order = Samples.json("demo-market-order.json");
        ((ObjectNode) order.get("order").get("items").get(0)).remove("sellerSku");

        assertThat(map(order)).isInstanceOf(WebhookMapping.Unmappable.class);
    }

    @Test
    void aMappingWithoutTheEssentialsIsRefusedAtStart() {
        assertThatThrownBy(() -> new MarketplaceMapping("/id", null, null, null, "/items", null, null, "/qty",
                "/price", null, null, null, null, null, null, null, null, List.of(), null))
                .hasMessageContaining("line-sku or mapping.line-gtin");
        assertThatThrownBy(() -> new MarketplaceMapping("id", null, null, null, "/items", "/sku", null, "/qty",
                "/price", null, null, null, null, null, null, null, null, List.of(), null))
                .hasMessageContaining("JSON Pointers");
    }

    private WebhookMapping map(ObjectNode order) {
        return mapper.map(SOURCE, DEMO_MARKET.allowlist().apply(order), null, DEMO_MARKET,
                new ChannelSettings(Channel.MARKETPLACE, "WEB-FC", "EUR"));
    }

    private static SaleDraft single(WebhookMapping mapping) {
        assertThat(mapping).isInstanceOf(WebhookMapping.Sales.class);
        return ((WebhookMapping.Sales) mapping).drafts().get(0);
    }
}
