package io.salespulse.ingest.config;

import io.quarkus.logging.Log;
import io.salespulse.ingest.domain.SaleEventFactory;
import io.salespulse.ingest.domain.webhook.MarketplaceMapper;
import io.salespulse.ingest.domain.webhook.Pseudonymizer;
import io.salespulse.ingest.domain.webhook.ShopifyMapper;
import io.salespulse.ingest.domain.webhook.WooCommerceMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Wires the framework-free domain objects with configuration. */
public class IngestProducers {

    /** The time source of defaults and of the "not in the future" rule; tests replace it to pin "now". */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SaleEventFactory saleEventFactory(IngestConfig config, Clock clock) {
        return new SaleEventFactory(config.defaultLocation(), config.defaultCurrency(), clock, UUID::randomUUID);
    }

    @Produces
    @Singleton
    Pseudonymizer pseudonymizer(ChannelsConfig.Pseudonym config) {
        Pseudonymizer pseudonymizer = new Pseudonymizer(config.key().orElse(null));
        if (!pseudonymizer.enabled()) {
            Log.warn("salespulse.pseudonym.key (SALESPULSE_PSEUDONYM_KEY) is not set: webhook sales carry no customerRef");
        }
        return pseudonymizer;
    }

    @Produces
    @Singleton
    ShopifyMapper shopifyMapper(Clock clock) {
        return new ShopifyMapper(clock);
    }

    @Produces
    @Singleton
    WooCommerceMapper wooCommerceMapper(Clock clock) {
        return new WooCommerceMapper(clock);
    }

    @Produces
    @Singleton
    MarketplaceMapper marketplaceMapper(Clock clock) {
        return new MarketplaceMapper(clock);
    }
}
