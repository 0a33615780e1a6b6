package io.salespulse.ingest.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.webhook.ChannelSettings;
import io.salespulse.ingest.domain.webhook.HmacSignatures;
import io.salespulse.ingest.domain.webhook.MarketplaceMapping;
import io.salespulse.ingest.domain.webhook.MarketplaceSource;
import io.salespulse.ingest.domain.webhook.SecretRing;
import io.salespulse.ingest.domain.webhook.SecretRings;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured webhook sources (ChannelsConfig) as the domain needs them: secrets by source, channel and location
 * per source, parsed marketplace mappings. Marketplace mappings are checked at start: a broken mapping fails the
 * deployment, not the first order.
 */
@Singleton
public class WebhookSources {
    private final ChannelsConfig.Shopify shopifyConfig;
    private final ChannelsConfig.WooCommerce wooCommerceConfig;
    private final String defaultCurrency;
    private final SecretRings shopify;
    private final SecretRings woocommerce;
    private final Map<String, MarketplaceSource> marketplaces = new TreeMap<>();

    public WebhookSources(ChannelsConfig.Shopify shopify, ChannelsConfig.WooCommerce wooCommerce,
                          ChannelsConfig.Marketplaces marketplaces, IngestConfig ingest) {
        this.shopifyConfig = shopify;
        this.wooCommerceConfig = wooCommerce;
        this.defaultCurrency = ingest.defaultCurrency();
        this.shopify = shopify.secrets().orElse(SecretRings.none());
        this.woocommerce = wooCommerce.secrets().orElse(SecretRings.none());
        marketplaces.byName().forEach((name, marketplace) -> this.marketplaces.put(name, marketplace(name, marketplace)));
        Log.infof("Webhook sources: %d Shopify shop(s), %d WooCommerce site(s), marketplaces %s",
                this.shopify.size(), this.woocommerce.size(), this.marketplaces.keySet());
    }

    /** Built at start, so a misconfigured marketplace stops the deployment. */
    void validateAtStart(@Observes StartupEvent start) {
        // Observing makes the container create this bean now; the constructor did the checking.
    }

    public Optional<SecretRing> shopifySecrets(String shopDomain) {
        return shopify.forSource(shopDomain);
    }

    public Optional<SecretRing> wooCommerceSecrets(String siteUrl) {
        return woocommerce.forSource(siteUrl);
    }

    public Optional<MarketplaceSource> marketplace(String name) {
        return Optional.ofNullable(marketplaces.get(name));
    }

    /** The event source of a Shopify shop: {@code shopify:<shop domain>}. */
    public static String shopifySource(String shopDomain) {
        return "shopify:" + SecretRings.normalise(shopDomain);
    }

    /** The event source of a WooCommerce site: {@code woocommerce:<host[/path]>} of its URL. */
    public static String wooCommerceSource(String siteUrl) {
        return "woocommerce:" + SecretRings.normalise(siteUrl);
    }

    /** Channel, location and currency of a delivery's source, e.g. {@code shopify:demo.myshopify.com}. */
    public ChannelSettings settings(String source) {
        String[] parts = source.split(":", 2);
        String key = parts.length == 2 ? parts[1] : "";
        return switch (parts[0]) {
            case "shopify" -> settings(shopifyConfig.channel(), shopifyConfig.locationId(),
                    shopifyConfig.sources().get(key));
            case "woocommerce" -> settings(wooCommerceConfig.channel(), wooCommerceConfig.locationId(),
                    wooCommerceConfig.sources().get(key));
            case "marketplace" -> marketplace(key).map(MarketplaceSource::settings)
                    .orElse(new ChannelSettings(Channel.MARKETPLACE, "WEB-FC", defaultCurrency));
            default -> throw new IllegalArgumentException("not a webhook source: " + source);
        };
    }

    public boolean skipShopifyTestOrders() {
        return shopifyConfig.skipTestOrders();
    }

    private ChannelSettings settings(Channel channel, String locationId, ChannelsConfig.SourceOverride override) {
        if (override == null) {
            return new ChannelSettings(channel, locationId, defaultCurrency);
        }
        return new ChannelSettings(override.channel().orElse(channel), override.locationId().orElse(locationId),
                defaultCurrency);
    }

    private MarketplaceSource marketplace(String name, ChannelsConfig.Marketplace config) {
        ChannelsConfig.Mapping m = config.mapping();
        try {
            MarketplaceMapping mapping = new MarketplaceMapping(m.externalId(), m.deliveryId().orElse(null),
                    m.occurredAt().orElse(null), m.currency().orElse(null), m.lines(), m.lineSku().orElse(null),
                    m.lineGtin().orElse(null), m.lineQuantity(), m.lineUnitPrice(), m.country().orElse(null),
                    m.region().orElse(null), m.customerId().orElse(null), m.customerEmail().orElse(null),
                    m.taxTotal().orElse(null), m.discountTotal().orElse(null), m.shippingTotal().orElse(null),
                    m.type().orElse(null), m.returnValues(), m.returnOf().orElse(null));
            HmacSignatures.Encoding encoding = HmacSignatures.Encoding.valueOf(
                    config.signatureEncoding().strip().toUpperCase(Locale.ROOT));
            return new MarketplaceSource(name, config.secret(), config.signatureHeader(), encoding,
                    config.signaturePrefix().orElse(""), config.deliveryIdHeader().orElse(null), mapping,
                    new ChannelSettings(config.channel(), config.locationId(),
                            config.defaultCurrency().orElse(defaultCurrency)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("salespulse.marketplaces." + name + " is misconfigured: " + e.getMessage(), e);
        }
    }
}
