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

class WooCommerceMapperTest {
    private static final String SITE = "woocommerce:shop.example.com";
    private static final ChannelSettings SETTINGS = new ChannelSettings(Channel.WEB, "WEB-FC", "EUR");
    private final WooCommerceMapper mapper = new WooCommerceMapper(Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void aNewOrderBecomesAWebSaleBySku() {
        SaleDraft sale = single(map(WooCommerceMapper.ORDER_CREATED, Samples.json("woocommerce-order-created.json")));

        assertThat(sale.type()).isEqualTo(SaleType.SALE);
        assertThat(sale.channel()).isEqualTo(Channel.WEB);
        assertThat(sale.source()).isEqualTo(SITE);
        assertThat(sale.externalId()).isEqualTo("727");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-03-14T11:20:11Z"));
        assertThat(sale.currency()).isEqualTo("EUR");
        assertThat(sale.lines()).containsExactly(
                new SaleLine(null, "SKU-ESPRESSO", null, 4, new BigDecimal("2.50")),
                new SaleLine(null, "SKU-COOKIES-BUTTER", null, 2, new BigDecimal("5.00")));
        assertThat(sale.country()).isEqualTo("DE");
        assertThat(sale.region()).isEqualTo("DE-BW");
        assertThat(sale.discountTotal()).isEqualByComparingTo("0.00");
        assertThat(sale.taxTotal()).isEqualByComparingTo("4.75");
        assertThat(sale.shippingTotal()).isEqualByComparingTo("5.00");
    }

    @Test
    void unitPricesAreBeforeCouponsAndRoundedToCents() {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        ((ObjectNode) order.get("line_items").get(0)).put("quantity", 3).put("subtotal", "10.00").put("price", 3.0);

        assertThat(single(map(WooCommerceMapper.ORDER_CREATED, order)).lines().get(0).unitPrice())
                .isEqualByComparingTo("3.33");
    }

    @Test
    void ordersThatAreNoSaleAreIgnored() {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        order.put("status", "failed");

        assertThat(map(WooCommerceMapper.ORDER_CREATED, order)).isInstanceOf(WebhookMapping.Ignored.class);
    }

    @Test
    void aCompleteRefundBecomesAReturnOfEveryLine() {
        SaleDraft giveBack = single(map(WooCommerceMapper.ORDER_UPDATED, Samples.json("woocommerce-order-refunded.json")));

        assertThat(giveBack.type()).isEqualTo(SaleType.RETURN);
        assertThat(giveBack.externalId()).isEqualTo("727:refund:731");
        assertThat(giveBack.returnOf()).isEqualTo("727");
        assertThat(giveBack.occurredAt()).isEqualTo(Instant.parse("2026-03-18T09:05:40Z"));
        assertThat(giveBack.lines()).extracting(SaleLine::sku).containsExactly("SKU-ESPRESSO", "SKU-COOKIES-BUTTER");
    }

    @Test
    void aPartialRefundCannotSayWhatCameBackAndIsDeadLetteredOnce() {
        ObjectNode order = Samples.json("woocommerce-order-refunded.json");
        order.put("status", "completed");

        WebhookMapping mapping = map(WooCommerceMapper.ORDER_UPDATED, order);

        assertThat(mapping).isInstanceOf(WebhookMapping.Unmappable.class);
        WebhookMapping.Unmappable unmappable = (WebhookMapping.Unmappable) mapping;
        assertThat(unmappable.reason()).contains("727", "731", "POST /api/orders");
        assertThat(unmappable.dedupeKey()).isEqualTo("woocommerce-partial-refund:" + SITE + ":727:731");
    }

    @Test
    void anUpdateWithoutRefundsIsIgnored() {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        order.put("status", "completed");

        assertThat(map(WooCommerceMapper.ORDER_UPDATED, order)).isInstanceOf(WebhookMapping.Ignored.class);
    }

    @Test
    void aProductWithoutSkuCannotBeMapped() {
        ObjectNode order = Samples.json("woocommerce-order-created.json");
        ((ObjectNode) order.get("line_items").get(0)).put("sku", "");

        assertThat(map(WooCommerceMapper.ORDER_CREATED, order)).isInstanceOf(WebhookMapping.Unmappable.class);
    }

    private WebhookMapping map(String topic, ObjectNode body) {
        return mapper.map(topic, SITE, WooCommerceMapper.redact(body), null, SETTINGS);
    }

    private static SaleDraft single(WebhookMapping mapping) {
        assertThat(mapping).isInstanceOf(WebhookMapping.Sales.class);
        return ((WebhookMapping.Sales) mapping).drafts().get(0);
    }
}
