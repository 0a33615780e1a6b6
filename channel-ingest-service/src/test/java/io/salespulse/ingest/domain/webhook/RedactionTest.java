package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salespulse.ingest.Samples;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What is stored and dead-lettered of a webhook body: what the mapping reads, and no personal data. */
class RedactionTest {
    private final Pseudonymizer pseudonyms = new Pseudonymizer("fake-pseudonym-test-key");

    @Test
    void aShopifyOrderKeepsItsLinesTotalsAndRegionAndLosesEveryPersonalField() {
        JsonNode redacted = ShopifyMapper.redact(ShopifyMapper.ORDERS_CREATE,
                Samples.json("shopify-orders-create.json"));

        assertNoPersonalData(redacted);
        assertThat(redacted.has("customer")).isFalse();
        assertThat(redacted.has("email")).isFalse();
        assertThat(redacted.has("note")).isFalse();
        assertThat(redacted.has("client_details")).isFalse();
        assertThat(redacted.path("shipping_address").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("country_code", "province_code");
        assertThat(redacted.path("line_items").get(0).has("properties")).as("gift messages name people").isFalse();
        assertThat(redacted.path("line_items").get(1).path("sku").asText()).isEqualTo("SKU-TSHIRT-LOGO");
        assertThat(redacted.path("current_total_price").asText()).isEqualTo("45.31");
    }

    @Test
    void aShopifyRefundLosesItsNoteAndPaymentDetails() {
        JsonNode redacted = ShopifyMapper.redact(ShopifyMapper.REFUNDS_CREATE,
                Samples.json("shopify-refunds-create.json"));

        assertNoPersonalData(redacted);
        assertThat(redacted.has("note")).isFalse();
        assertThat(redacted.path("transactions").get(0).has("authorization")).isFalse();
        assertThat(redacted.path("refund_line_items").get(0).path("line_item").path("sku").asText())
                .isEqualTo("SKU-MUG-LOGO");
    }

    @Test
    void aWooCommerceOrderLosesBillingShippingContactAndNotes() {
        JsonNode redacted = WooCommerceMapper.redact(Samples.json("woocommerce-order-refunded.json"));

        assertNoPersonalData(redacted);
        assertThat(redacted.path("billing").fieldNames()).toIterable().containsExactlyInAnyOrder("country", "state");
        assertThat(redacted.path("refunds").get(0).has("reason")).isFalse();
        assertThat(redacted.has("meta_data")).as("plugins put anything in meta data").isFalse();
    }

    @Test
    void aMarketplaceOrderKeepsOnlyTheMappedFields() {
        JsonNode redacted = MarketplaceMapperTest.DEMO_MARKET.allowlist().apply(Samples.json("demo-market-order.json"));

        assertNoPersonalData(redacted);
        assertThat(redacted.path("order").has("buyer")).as("the buyer id is only read for the pseudonym").isFalse();
        assertThat(redacted.path("order").path("shipTo").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("countryCode", "regionCode");
    }

    @Test
    void newFieldsAPlatformAddsAreDroppedUnlessAllowed() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        order.put("buyer_phone_v2", "+39 333 000 0000");
        ((ObjectNode) order.get("line_items").get(0)).put("engraving", "For Giulia");

        JsonNode redacted = ShopifyMapper.redact(ShopifyMapper.ORDERS_CREATE, order);

        assertThat(redacted.has("buyer_phone_v2")).isFalse();
        assertThat(redacted.path("line_items").get(0).has("engraving")).isFalse();
    }

    @Test
    void arrayPositionsAndPointerEscapesAreKept() {
        ObjectNode document = Samples.JSON.createObjectNode();
        document.putArray("a").add(Samples.JSON.createObjectNode().put("keep", 1).put("drop", 2)).add("scalar");
        document.put("x/y", "slash");

        JsonNode kept = JsonProjection.of("/a/*/keep", "/x~1y").apply(document);

        assertThat(kept.toString()).isEqualTo("{\"a\":[{\"keep\":1},null],\"x/y\":\"slash\"}");
    }

    @Test
    void theCustomerBecomesAStableKeyedPseudonymAndItsDataNeverPrints() {
        ObjectNode order = Samples.json("shopify-orders-create.json");
        CustomerData customer = ShopifyMapper.customer(ShopifyMapper.ORDERS_CREATE, "shopify:test-shop.myshopify.com",
                order, pseudonyms);

        assertThat(customer.email()).isEqualTo("giulia.rossi@example.com");
        assertThat(customer.customerRef()).startsWith("cus_").hasSize(47)
                .isEqualTo(ShopifyMapper.customer(ShopifyMapper.ORDERS_CREATE, "shopify:test-shop.myshopify.com",
                        Samples.json("shopify-orders-create.json"), pseudonyms).customerRef())
                .isNotEqualTo(ShopifyMapper.customer(ShopifyMapper.ORDERS_CREATE, "shopify:test-shop.myshopify.com",
                        order, new Pseudonymizer("another-key")).customerRef());
        assertThat(customer.toString()).doesNotContain("Giulia", "giulia", "+39", "Torino");
    }

    @Test
    void guestsArePseudonymisedByTheirNormalisedEmailAndNobodyWithoutAKey() {
        assertThat(pseudonyms.customerRef("woocommerce:shop.example.com", "0", " Lukas.Becker@Example.com "))
                .isEqualTo(pseudonyms.customerRef("shopify:other.myshopify.com", null, "lukas.becker@example.com"));
        assertThat(pseudonyms.customerRef("s", null, null)).isEmpty();
        assertThat(new Pseudonymizer(null).customerRef("s", "123", "a@example.com")).isEmpty();
    }

    private static void assertNoPersonalData(JsonNode redacted) {
        String text = redacted.toString().toLowerCase(Locale.ROOT);
        for (String personal : Samples.PERSONAL) {
            assertThat(text).as("redacted body").doesNotContain(personal.toLowerCase(Locale.ROOT));
        }
    }
}
