package io.salespulse.analytics.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientOutboxTest {
    private static final long MS = 1_000_000L;
    private static final long INTERVAL = 250 * MS;

    private final ClientOutbox outbox = new ClientOutbox(3, INTERVAL);

    @Test
    void oneWriteInFlightAtATime() {
        outbox.offerEvent("order.recorded", "o1");
        outbox.offerEvent("order.recorded", "o2");

        assertThat(outbox.next(0).text()).isEqualTo("o1");
        assertThat(outbox.next(1)).isNull();
        outbox.written();
        assertThat(outbox.next(2).text()).isEqualTo("o2");
    }

    @Test
    void aFullBacklogDropsItsOldestEvent() {
        outbox.offerEvent("order.recorded", "o1");
        outbox.offerEvent("order.recorded", "o2");
        outbox.offerEvent("order.recorded", "o3");

        assertThat(outbox.offerEvent("alert", "a4")).isTrue();

        assertThat(outbox.queuedEvents()).isEqualTo(3);
        assertThat(drain()).containsExactly("o2", "o3", "a4");
    }

    @Test
    void onlyTheLatestSnapshotIsKept() {
        assertThat(outbox.offerSnapshot("s1")).isFalse();
        assertThat(outbox.offerSnapshot("s2")).isTrue();

        assertThat(outbox.next(0).text()).isEqualTo("s2");
        outbox.written();
        assertThat(outbox.next(1)).isNull();
    }

    @Test
    void atMostOneSnapshotPerIntervalWhileEventsFlowMeanwhile() {
        outbox.offerSnapshot("s1");
        assertThat(outbox.next(0).type()).isEqualTo(ClientOutbox.SNAPSHOT);
        outbox.written();

        outbox.offerSnapshot("s2");
        outbox.offerEvent("order.recorded", "o1");
        assertThat(outbox.next(100 * MS).text()).isEqualTo("o1");
        outbox.written();
        assertThat(outbox.next(200 * MS)).isNull();
        assertThat(outbox.hasPendingSnapshot()).isTrue();

        assertThat(outbox.next(250 * MS).text()).isEqualTo("s2");
    }

    @Test
    void aDueSnapshotGoesBeforeQueuedEventsSoEventsCannotStarveIt() {
        outbox.offerEvent("order.recorded", "o1");
        outbox.offerSnapshot("s1");

        assertThat(outbox.next(0).text()).isEqualTo("s1");
    }

    @Test
    void aWritePendingTooLongMeansTheClientIsStalled() {
        outbox.offerEvent("order.recorded", "o1");
        outbox.next(0);

        assertThat(outbox.stalled(5_000 * MS, 10_000 * MS)).isFalse();
        assertThat(outbox.stalled(10_001 * MS, 10_000 * MS)).isTrue();
        outbox.written();
        assertThat(outbox.stalled(20_000 * MS, 10_000 * MS)).isFalse();
    }

    private java.util.List<String> drain() {
        java.util.List<String> texts = new java.util.ArrayList<>();
        ClientOutbox.Outgoing next;
        long t = 0;
        while ((next = outbox.next(t++)) != null) {
            texts.add(next.text());
            outbox.written();
        }
        return texts;
    }
}
