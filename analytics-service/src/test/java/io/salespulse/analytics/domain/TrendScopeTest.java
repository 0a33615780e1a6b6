package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendScopeTest {

    @Test
    void everythingIsTheTotalRow() {
        assertThat(TrendScope.ALL.dimension()).isEqualTo(Dimension.TOTAL);
        assertThat(TrendScope.ALL.keys()).containsExactly("all");
    }

    @Test
    void aChannelIsItsChannelRow() {
        TrendScope web = new TrendScope("WEB", null);

        assertThat(web.dimension()).isEqualTo(Dimension.CHANNEL);
        assertThat(web.keys()).containsExactly("WEB");
    }

    @Test
    void aSourceAddsUpItsRowsUnderEveryChannelUnlessTheChannelIsGiven() {
        TrendScope anywhere = new TrendScope(null, "shopify:demo-shop.myshopify.com");
        TrendScope onTheWeb = new TrendScope("WEB", "shopify:demo-shop.myshopify.com");

        assertThat(anywhere.dimension()).isEqualTo(Dimension.SOURCE);
        assertThat(anywhere.keys()).hasSize(6).contains("WEB|shopify:demo-shop.myshopify.com",
                "MARKETPLACE|shopify:demo-shop.myshopify.com");
        assertThat(onTheWeb.dimension()).isEqualTo(Dimension.SOURCE);
        assertThat(onTheWeb.keys()).containsExactly("WEB|shopify:demo-shop.myshopify.com");
    }
}
