package io.salespulse.inventory.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockStatusTest {
    private static final Thresholds THRESHOLDS = new Thresholds(10, 3, 50);

    @ParameterizedTest(name = "{0} on hand is {1}")
    @CsvSource({"-2, OVERSOLD", "-1, OVERSOLD", "0, OUT", "1, CRITICAL", "3, CRITICAL", "4, LOW", "10, LOW",
        "11, OK", "500, OK"})
    void statusFollowsTheThresholds(int onHand, StockStatus expected) {
        assertThat(StockStatus.of(onHand, THRESHOLDS)).isEqualTo(expected);
    }

    @Test
    void aCriticalLevelOfZeroMeansNothingIsCriticalBeforeItIsOut() {
        Thresholds noCritical = new Thresholds(5, 0, 20);
        assertThat(StockStatus.of(1, noCritical)).isEqualTo(StockStatus.LOW);
        assertThat(StockStatus.of(0, noCritical)).isEqualTo(StockStatus.OUT);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new Thresholds(5, 6, 20)).hasMessageContaining("criticalLevel");
        assertThatThrownBy(() -> new Thresholds(25, 6, 20)).hasMessageContaining("targetLevel");
        assertThatThrownBy(() -> new Thresholds(5, -1, 20)).hasMessageContaining("negative");
    }
}
