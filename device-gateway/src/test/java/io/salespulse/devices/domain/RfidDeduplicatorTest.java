package io.salespulse.devices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RfidDeduplicatorTest {
    private static final String EPC = "3074257BF7194E4000001A85";
    private final RfidDeduplicator dedup = new RfidDeduplicator(Duration.ofSeconds(5), 10_000);

    @Test
    void aReadJustInsideTheWindowIsADuplicateAndOneExactlyAtTheBoundaryIsNew() {
        long t0 = 1_700_000_000_000L;
        assertThat(dedup.firstSeen("r1", EPC, t0)).isTrue();
        assertThat(dedup.firstSeen("r1", EPC, t0)).isFalse();
        assertThat(dedup.firstSeen("r1", EPC, t0 + 4_999)).isFalse();
        assertThat(dedup.firstSeen("r1", EPC, t0 + 5_000)).isTrue();
        // the window restarts at the new observation, not at each duplicate
        assertThat(dedup.firstSeen("r1", EPC, t0 + 9_999)).isFalse();
        assertThat(dedup.firstSeen("r1", EPC, t0 + 10_000)).isTrue();
    }

    @Test
    void forgettingAnUndeliveredObservationLetsTheRetriedReadCountAgainButKeepsALaterOne() {
        long t0 = 1_700_000_000_000L;
        assertThat(dedup.firstSeen("r1", EPC, t0)).isTrue();
        dedup.forget("r1", EPC, t0);
        assertThat(dedup.firstSeen("r1", EPC, t0)).isTrue();
        // forgetting an observation that is no longer the current one leaves the current one alone
        assertThat(dedup.firstSeen("r1", EPC, t0 + 6_000)).isTrue();
        dedup.forget("r1", EPC, t0);
        assertThat(dedup.firstSeen("r1", EPC, t0 + 6_001)).isFalse();
    }

    @Test
    void readersAndTagsAreIndependent() {
        long t0 = 1_700_000_000_000L;
        assertThat(dedup.firstSeen("r1", EPC, t0)).isTrue();
        assertThat(dedup.firstSeen("r2", EPC, t0)).isTrue();
        assertThat(dedup.firstSeen("r1", "3074257BF7194E4000001A86", t0)).isTrue();
    }

    @Test
    void stateIsBounded() {
        var small = new RfidDeduplicator(Duration.ofSeconds(5), 100);
        for (int i = 0; i < 10_000; i++) {
            small.firstSeen("r1", Integer.toString(i), 1_000L);
        }
        small.firstSeen("r1", "x", 1_000L);
        assertThat(small.size()).isLessThanOrEqualTo(200);
    }
}
