package io.salespulse.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of channel-ingest-service: keys {@code ingest.*} in application.properties. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Location of orders that name none: the online fulfilment centre ships web and API orders. */
    @WithDefault("WEB-FC")
    String defaultLocation();

    /** ISO 4217 currency of orders that name none. */
    @WithDefault("EUR")
    String defaultCurrency();

    /** How long a request waits for Kafka to acknowledge its event before answering 503. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /** Retry-After of a 503 (Kafka or the idempotency store unavailable). */
    @WithDefault("PT5S")
    Duration retryAfter();

    Idempotency idempotency();

    interface Idempotency {
        /** Keys are forgotten after this; a retry later than that is a new order. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * A request still PENDING after this is considered dead (its instance crashed before marking the outcome);
         * a retry with the same key then takes over. Must exceed publish-timeout by a good margin.
         */
        @WithDefault("PT30S")
        Duration takeoverAfter();

        /** How often expired keys are deleted (a Quarkus scheduler interval such as {@code 1h}). */
        @WithDefault("1h")
        String cleanupEvery();
    }
}
