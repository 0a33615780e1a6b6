package io.salespulse.inventory.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    /** Published examples: EAN-13 (GS1 Germany), ISBN-13, UPC-A, EAN-8 and GTIN-14 from GS1 and Wikipedia. */
    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "9780306406157", "036000291452", "73513537", "96385074",
        "10012345678902", "00012345600012"})
    void acceptsPublishedGtins(String gtin) {
        assertThat(Gtin.isValid(gtin)).isTrue();
        assertThat(Gtin.problem(gtin)).isEmpty();
    }

    @Test
    void rejectsAWrongCheckDigitAndSaysWhichIsRight() {
        assertThat(Gtin.isValid("4006381333932")).isFalse();
        assertThat(Gtin.problem("4006381333932")).contains("Wrong GTIN check digit: expected 1, got 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "1234567", "123456789", "12345678901", "123456789012345", "40063813339a1",
        " 4006381333931"})
    void rejectsLengthsAndCharactersThatAreNoGtin(String value) {
        assertThat(Gtin.isValid(value)).isFalse();
        assertThat(Gtin.problem(value)).contains("A GTIN has 8, 12, 13 or 14 digits");
    }

    @Test
    void rejectsNull() {
        assertThat(Gtin.isValid(null)).isFalse();
    }

    @Test
    void normalizesEveryLengthToFourteenDigitsSoThatScannersFindTheSameItem() {
        assertThat(Gtin.normalize("036000291452")).isEqualTo("00036000291452");
        assertThat(Gtin.normalize("0036000291452")).isEqualTo("00036000291452");
        assertThat(Gtin.normalize("73513537")).isEqualTo("00000073513537");
        assertThat(Gtin.normalize("10012345678902")).isEqualTo("10012345678902");
        assertThatThrownBy(() -> Gtin.normalize("4006381333932")).isInstanceOf(IllegalArgumentException.class);
    }
}
