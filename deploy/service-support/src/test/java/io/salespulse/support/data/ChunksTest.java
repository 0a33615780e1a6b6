package io.salespulse.support.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunksTest {

    @Test
    void callsUntilAChunkIsShortAndAddsUpWhatEachHandled() {
        int[] rows = {12};
        List<Integer> asked = new ArrayList<>();

        long total = Chunks.untilFewerThan(5, size -> {
            asked.add(size);
            int now = Math.min(size, rows[0]);
            rows[0] -= now;
            return now;
        });

        assertThat(total).isEqualTo(12);
        assertThat(asked).containsExactly(5, 5, 5);
    }

    @Test
    void anExactMultipleTakesOneMoreCallThatFindsNothing() {
        int[] rows = {10};
        int[] calls = {0};

        long total = Chunks.untilFewerThan(5, size -> {
            calls[0]++;
            int now = Math.min(size, rows[0]);
            rows[0] -= now;
            return now;
        });

        assertThat(total).isEqualTo(10);
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void nothingToDoIsOneCall() {
        int[] calls = {0};
        assertThat(Chunks.untilFewerThan(5, size -> {
            calls[0]++;
            return 0;
        })).isZero();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void aChunkMustHoldARow() {
        assertThatThrownBy(() -> Chunks.untilFewerThan(0, size -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
