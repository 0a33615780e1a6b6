package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.ingest.config.WebhookSources;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Optional;

/**
 * Maps a stored (redacted) delivery with the adapter of its channel and the settings of its source. Used by the
 * worker and by replays of dead letters, so a replay after a configuration fix maps exactly like a first attempt.
 */
@ApplicationScoped
public class WebhookMappers {
    private final WebhookSources sources;
    private final ShopifyMapper shopify;
    private final WooCommerceMapper wooCommerce;
    private final MarketplaceMapper marketplace;
    private final ObjectMapper json;

    public WebhookMappers(WebhookSources sources, ShopifyMapper shopify, WooCommerceMapper wooCommerce,
                          MarketplaceMapper marketplace, ObjectMapper json) {
        this.sources = sources;
        this.shopify = shopify;
        this.wooCommerce = wooCommerce;
        this.marketplace = marketplace;
        this.json = json;
    }

    public WebhookMapping map(WebhookChannel channel, String source, String topic, String body, String customerRef) {
        JsonNode order;
        try {
            order = body == null ? null : json.readTree(body);
        } catch (IOException e) {
            order = null;
        }
        if (order == null || !order.isObject()) {
            return new WebhookMapping.Unmappable("the signed body is not a JSON object; it is not kept, since it may "
                    + "contain personal data");
        }
        ChannelSettings settings = sources.settings(source);
        return switch (channel) {
            case SHOPIFY -> sources.skipShopifyTestOrders() && order.path("test").asBoolean(false)
                    ? new WebhookMapping.Ignored("a Shopify test order")
                    : shopify.map(topic, source, order, customerRef, settings);
            case WOOCOMMERCE -> wooCommerce.map(topic, source, order, customerRef, settings);
            case MARKETPLACE -> {
                String name = source.substring(source.indexOf(':') + 1);
                Optional<MarketplaceSource> configured = sources.marketplace(name);
                yield configured.isEmpty()
                        ? new WebhookMapping.Unmappable("marketplace " + name + " is no longer configured")
                        : marketplace.map(source, order, customerRef, configured.get().mapping(), settings);
            }
        };
    }
}
