package io.salespulse.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

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

    /**
     * Largest body of every request but POS uploads (orders, webhooks): refused with 413 before it is read. The
     * server-wide quarkus.http.limits.max-body-size is the POS upload limit, which only /imports/pos may use.
     */
    @WithDefault("1M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxJsonBodySize();

    Idempotency idempotency();

    Webhooks webhooks();

    Pos pos();

    interface Webhooks {
        /** How often the worker looks for due deliveries (it is also woken by every new delivery). */
        @WithDefault("1s")
        String pollEvery();

        /** Deliveries claimed per worker transaction. */
        @WithDefault("50")
        int batchSize();

        /** First wait after Kafka or PostgreSQL failed for a delivery; doubled per attempt up to max-backoff. */
        @WithDefault("PT2S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Processed deliveries are forgotten after this (dead-lettered ones stay with their dead letter). */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Pos {
        /** Receipts published together (one JDBC batch of idempotency claims, one wait for the Kafka acks). */
        @WithDefault("200")
        int batchSize();

        /** Rejected rows listed in the answer; more are counted but not listed. */
        @WithDefault("1000")
        int maxReportedRejections();

        /** Accepted values of the payment_type column (case-insensitive). */
        @WithDefault("CASH,CARD,MOBILE,VOUCHER,OTHER")
        List<String> paymentTypes();
    }

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
