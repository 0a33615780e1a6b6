package io.salespulse.ingest.config;

import io.salespulse.ingest.domain.SaleEventFactory;
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
}
