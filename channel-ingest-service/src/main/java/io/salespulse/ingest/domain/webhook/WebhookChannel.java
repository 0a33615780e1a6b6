package io.salespulse.ingest.domain.webhook;

import java.util.Locale;

/** The webhook adapters: each verifies, identifies and maps deliveries its own way. */
public enum WebhookChannel {
    SHOPIFY, WOOCOMMERCE, MARKETPLACE;

    /** The prefix of the sale's source and the metric tag: shopify, woocommerce, marketplace. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
