package io.salespulse.devices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "devices")
public interface DevicesConfig {

    Rfid rfid();

    Kafka kafka();

    interface Rfid {
        /** The same EPC seen again by the same reader within this window is one observation. */
        @WithDefault("5s")
        Duration dedupWindow();

        /** Upper bound of (reader, EPC) pairs remembered for deduplication. */
        @WithDefault("2000000")
        long dedupMaxEntries();
    }

    interface Kafka {
        /** How long a device request waits for the broker's ack before answering 503 with Retry-After. */
        @WithDefault("5s")
        Duration ackTimeout();

        /** Retry-After (seconds) sent with a 503 when Kafka is slow. */
        @WithDefault("2")
        int retryAfterSeconds();
    }
}
