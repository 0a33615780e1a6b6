package io.salespulse.devices.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in measurement (not a timed assertion) of the RFID domain path: header check, dedup, SGTIN-96 decode for
 * batches of 100,000 reads. Run: {@code ./mvnw -B -q -pl device-gateway verify -Dbenchmark=true
 * -Dtest=RfidThroughputTest -Dit.test=NoneIT -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false}; the figure is printed and recorded in the README.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RfidThroughputTest {

    @Test
    void measuresDecodedAndDeduplicatedReadsPerSecond() {
        int batch = 100_000;
        // 50,000 distinct tags, each read twice in the batch: half the reads are duplicates
        String[] epcs = new String[batch];
        for (int i = 0; i < batch; i++) {
            epcs[i] = Sgtin96DecoderTest.hex96(0x30, 1, 5, 614141, 24, 812345, 20, i % 50_000);
        }
        var dedup = new RfidDeduplicator(Duration.ofSeconds(5), 2_000_000);
        long t = 1_700_000_000_000L;
        long fresh = 0;
        for (int round = 0; round < 25; round++) {
            long start = System.nanoTime();
            fresh = 0;
            t += 10_000; // next window: every tag is new again once
            for (int i = 0; i < batch; i++) {
                String hex = epcs[i];
                if (Sgtin96Decoder.header(hex) == Sgtin96Decoder.SGTIN_96_HEADER
                        && dedup.firstSeen("reader-1", hex, t + (i & 1023))) {
                    fresh += Sgtin96Decoder.decode(hex).serial() >= 0 ? 1 : 0;
                }
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("round %2d: %,d reads in %.1f ms = %,.0f reads/s (%d observations)%n", round, batch,
                    nanos / 1e6, batch / (nanos / 1e9), fresh);
        }
        assertThat(fresh).isEqualTo(50_000);
    }
}
