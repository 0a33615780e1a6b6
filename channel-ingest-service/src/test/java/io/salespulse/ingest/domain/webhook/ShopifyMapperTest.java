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

import static org.assertj.core.api.Assertions.assertThat;

/** Shopify's documented payloads, redacted as they are stored, to canonical drafts. */
class ShopifyMapperTest {
    private static final String SHOP = "shopify:test-shop.myshopify.com";
    private static final ChannelSettings SETTINGS = new ChannelSettings(Channel.MARKETPLACE, "WEB-FC", "EUR");
    private final ShopifyMapper mapper = new ShopifyMapper(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void anOrderBecomesAMarketplaceSaleBySku() {
        SaleDraft sale = single(map(ShopifyMapper.ORDERS_CREATE, Samples.json("shopify-orders-create.json")));

        assertThat(sale.type()).isEqualTo(SaleType.SALE);
        assertThat(sale.channel()).isEqualTo(Channel.MARKETPLACE);
        assertThat(sale.source()).isEqualTo(SHOP);
        assertThat(sale.externalId()).isEqualTo("5945183371378");
        assertThat(sale.locationId()).isEqualTo("WEB-FC");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-03-14T10:02:44Z"));
        assertThat(sale.currency()).isEqualTo("EUR");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(null, "SKU-MUG-LOGO", null, 2, new BigDecimal("12.50")),
                new SaleLine(null, "SKU-TSHIRT-LOGO", null, 1, new BigDecimal("19.90")));
        assertThat(sale.country()).isEqualTo("IT");
        assertThat(sale.region()).isEqualTo("IT-MI");
        assertThat(sale.discountTotal()).isEqualByComparingTo("4.49");
        assertThat(sale.taxTotal()).isEqualByComparingTo("7.40");
        assertThat(sale.shippingTotal()).isEqualByComparingTo("4.90");
        assertThat(sale.customerRef()).isEqualTo("cus_test");
    }

    @Test
    void theStatedTotalIsCheckedAgainstItsParts() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        assertThat(((WebhookMapping.Sales) map(ShopifyMapper.ORDERS_CREATE, order)).warnings()).isEmpty();

        order.put("current_total_price", "99.00");
        assertThat(((WebhookMapping.Sales) map(ShopifyMapper.ORDERS_CREATE, order)).warnings())
                .singleElement().asString().contains("99.00", "45.31");
    }

    @Test
    void aLineItemWithoutSkuDeadLettersTheWholeOrder() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        ((ObjectNode) order.get("line_items").get(1)).putNull("sku");

        WebhookMapping mapping = map(ShopifyMapper.ORDERS_CREATE, order);

        assertThat(mapping).isInstanceOf(WebhookMapping.Unmappable.class);
        assertThat(((WebhookMapping.Unmappable) mapping).reason())
                .contains("14503129596018", "Sales Pulse T-Shirt", "no SKU");
    }

    @Test
    void withoutAShippingAddressTheBillingCountryIsTheHint() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        order.remove("shipping_address");
        ((ObjectNode) order.get("billing_address")).put("country_code", "FR").putNull("province_code");

        SaleDraft sale = single(map(ShopifyMapper.ORDERS_CREATE, order));

        assertThat(sale.country()).isEqualTo("FR");
        assertThat(sale.region()).isNull();
    }

    @Test
    void aRefundBecomesAReturnOfTheRefundedItems() {
        SaleDraft giveBack = single(map(ShopifyMapper.REFUNDS_CREATE, Samples.json("shopify-refunds-create.json")));

        assertThat(giveBack.type()).isEqualTo(SaleType.RETURN);
        assertThat(giveBack.externalId()).isEqualTo("5945183371378:refund:1034567890123");
        assertThat(giveBack.returnOf()).isEqualTo("5945183371378");
        assertThat(giveBack.occurredAt()).isEqualTo(Instant.parse("2026-03-20T08:15:02Z"));
        assertThat(giveBack.currency()).isEqualTo("EUR");
        assertThat(giveBack.lines()).containsExactly(new SaleLine(null, "SKU-MUG-LOGO", null, 1, new BigDecimal("12.50")));
        assertThat(giveBack.taxTotal()).isEqualByComparingTo("2.03");
        assertThat(giveBack.customerRef()).isNull();
    }

    @Test
    void aRefundOfMoneyOnlyReturnsNoGoods() {
        ObjectNode refund = Samples.json("shopify-refunds-create.json");
        refund.putArray("refund_line_items");

        assertThat(map(ShopifyMapper.REFUNDS_CREATE, refund)).isInstanceOf(WebhookMapping.Ignored.class);
    }

    @Test
    void anOrderFromTheFutureIsRefused() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        order.put("processed_at", "2026-05-01T00:00:00Z");

        assertThat(map(ShopifyMapper.ORDERS_CREATE, order)).isInstanceOf(WebhookMapping.Unmappable.class);
    }

    private WebhookMapping map(String topic, ObjectNode body) {
        return mapper.map(topic, SHOP, ShopifyMapper.redact(topic, body), ShopifyMapper.ORDERS_CREATE.equals(topic)
                ? "cus_test" : null, SETTINGS);
    }

    private static SaleDraft single(WebhookMapping mapping) {
        assertThat(mapping).isInstanceOf(WebhookMapping.Sales.class);
        assertThat(((WebhookMapping.Sales) mapping).drafts()).hasSize(1);
        return ((WebhookMapping.Sales) mapping).drafts().get(0);
    }
}
