package io.salespulse.load;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sgtin96Test {

    @Test
    void encodesTheGs1TagDataStandardExample() {
        // GS1 EPC TDS: urn:epc:id:sgtin:0614141.812345.6789, filter 3 = 3074257BF7194E4000001A85 (GTIN 80614141123458)
        assertThat(new Sgtin96("80614141123458", 7, 3).hex(6789)).isEqualTo("3074257BF7194E4000001A85");
    }

    @Test
    void encodesEveryFieldWhereTheStandardPutsIt() {
        // a demo GTIN-13, 7-digit company prefix 4012345, item reference 0 + 61001, filter 1, the largest serial
        String hex = new Sgtin96(Sgtin96.gtin14("4012345610017"), 7, 1).hex(Sgtin96.MAX_SERIAL);
        BigInteger epc = new BigInteger(hex, 16);
        assertThat(epc.shiftRight(88).intValue()).isEqualTo(0x30);
        assertThat(epc.shiftRight(85).intValue() & 7).isEqualTo(1);
        assertThat(epc.shiftRight(82).intValue() & 7).isEqualTo(5);
        assertThat(epc.shiftRight(58).longValue() & ((1L << 24) - 1)).isEqualTo(4012345L);
        assertThat(epc.shiftRight(38).longValue() & ((1L << 20) - 1)).isEqualTo(61001L);
        assertThat(epc.longValue() & Sgtin96.MAX_SERIAL).isEqualTo(Sgtin96.MAX_SERIAL);
        assertThat(hex).hasSize(24).matches("[0-9A-F]{24}");
    }

    @Test
    void otherPartitionsAndBadInput() {
        // 12-digit company prefix (partition 0): item reference is the indicator digit alone
        String hex = new Sgtin96("10614141812349", 12, 0).hex(1);
        BigInteger epc = new BigInteger(hex, 16);
        assertThat(epc.shiftRight(82).intValue() & 7).isZero();
        assertThat(epc.shiftRight(42).longValue() & ((1L << 40) - 1)).isEqualTo(614141812349L / 10);
        assertThat(epc.shiftRight(38).intValue() & 0xF).isEqualTo(1);
        assertThatThrownBy(() -> new Sgtin96("4012345610017", 7, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sgtin96("04012345610017", 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sgtin96("04012345610017", 7, 1).hex(Sgtin96.MAX_SERIAL + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
