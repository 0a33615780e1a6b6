package io.salespulse.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First expiry, first out across the lots of one level, over successive sales. */
class FefoAllocatorTest {
    private static final LevelKey LEVEL = new LevelKey("P-1001", "ST-001");
    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate MARCH_10 = LocalDate.parse("2026-03-10");
    private static final LocalDate MARCH_20 = LocalDate.parse("2026-03-20");

    @Test
    void salesTakeTheEarliestExpiryFirstUndatedLotsLastAndStopWhenTheLotsAreEmpty() {
        Lot undated = lot(1, "UNDATED", null, MONDAY, 4);
        Lot late = lot(2, "LATE", MARCH_20, MONDAY, 5);
        Lot soon = lot(3, "SOON", MARCH_10, MONDAY.plusSeconds(3600), 3);
        FefoAllocator allocator = new FefoAllocator(List.of(undated, late, soon));

        assertThat(allocator.take(2)).containsExactly(LotShare.of(soon, -2));
        assertThat(allocator.take(2)).containsExactly(LotShare.of(soon, -1), LotShare.of(late, -1));
        assertThat(allocator.take(3)).containsExactly(LotShare.of(late, -3));
        assertThat(allocator.available()).isEqualTo(5);
        // 7 more than the lots hold: they take what is there, the rest is unlotted stock (or overselling).
        assertThat(allocator.take(12)).containsExactly(LotShare.of(late, -1), LotShare.of(undated, -4));
        assertThat(allocator.take(1)).isEmpty();
        assertThat(allocator.available()).isZero();
    }

    @Test
    void lotsExpiringTheSameDayGoOldestReceiptFirstThenByLotId() {
        Lot newer = lot(1, "NEWER", MARCH_10, MONDAY.plusSeconds(60), 1);
        Lot older = lot(9, "OLDER", MARCH_10, MONDAY, 1);
        Lot twinA = lot(4, "TWIN-A", MARCH_20, MONDAY, 1);
        Lot twinB = lot(5, "TWIN-B", MARCH_20, MONDAY, 1);
        FefoAllocator allocator = new FefoAllocator(List.of(twinB, newer, twinA, older));

        assertThat(allocator.take(4)).extracting(LotShare::lotCode)
                .containsExactly("OLDER", "NEWER", "TWIN-A", "TWIN-B");
    }

    @Test
    void theAllocationDoesNotDependOnTheOrderTheLotsWereReadIn() {
        List<Lot> lots = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            lots.add(lot(i, "L" + i, i % 4 == 0 ? null : MARCH_10.plusDays(i % 3), MONDAY.plusSeconds(i % 5), 2 + i % 3));
        }
        List<List<LotShare>> expected = allocate(lots);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<Lot> shuffled = new ArrayList<>(lots);
            Collections.shuffle(shuffled, random);
            assertThat(allocate(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void emptyLotsAreSkippedAndNegativeTakesRefused() {
        Lot empty = lot(1, "EMPTY", MARCH_10, MONDAY, 0);
        Lot full = lot(2, "FULL", MARCH_20, MONDAY, 2);
        FefoAllocator allocator = new FefoAllocator(List.of(empty, full));

        assertThat(allocator.take(1)).containsExactly(LotShare.of(full, -1));
        assertThat(allocator.take(0)).isEmpty();
        assertThatThrownBy(() -> allocator.take(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLotHasExpiredOnlyAfterItsLastDayOfSale() {
        Lot lot = lot(1, "L", MARCH_10, MONDAY, 1);
        assertThat(lot.isExpiredOn(MARCH_10)).isFalse();
        assertThat(lot.isExpiredOn(MARCH_10.plusDays(1))).isTrue();
        assertThat(lot(2, "U", null, MONDAY, 1).isExpiredOn(MARCH_20.plusYears(50))).isFalse();
    }

    private static List<List<LotShare>> allocate(List<Lot> lots) {
        FefoAllocator allocator = new FefoAllocator(lots);
        List<List<LotShare>> result = new ArrayList<>();
        for (int sale : new int[] {3, 1, 4, 1, 5, 9, 2, 6}) {
            result.add(allocator.take(sale));
        }
        return result;
    }

    private static Lot lot(long id, String code, LocalDate expiresOn, Instant receivedAt, int quantity) {
        return new Lot(id, LEVEL, code, expiresOn, receivedAt, quantity, null, receivedAt);
    }
}
