package io.salespulse.devices.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Gs1Test {

    /** Examples from the GS1 General Specifications and GS1 check digit calculator documentation. */
    @ParameterizedTest
    @ValueSource(strings = {"96385074", "614141000036", "4006381333931", "5901234123457", "00614141000036",
            "80614141123458", "10614141000033"})
    void acceptsValidGtins(String gtin) {
        assertThat(Gs1.isValidGtin(gtin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"96385075", "614141000037", "4006381333932", "80614141123459", "123", "40063813339311",
            "400638133393A", "", "1234567890123456"})
    void rejectsInvalidGtins(String code) {
        assertThat(Gs1.isValidGtin(code)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void explainsTheExpectedCheckDigit() {
        assertThat(Gs1.explain("4006381333932")).isEqualTo("check digit 2 is wrong, expected 1");
        assertThat(Gs1.toGtin14("4006381333931")).isEqualTo("04006381333931");
        assertThat(Gs1.isValidGtin(Gs1.toGtin14("96385074"))).isTrue();
    }
}
