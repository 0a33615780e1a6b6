package io.salespulse.devices.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sgtin96DecoderTest {

    /** GS1 EPC Tag Data Standard 2.x, SGTIN-96 encoding example (section E.3 / 14.5.1). */
    @Test
    void decodesTheTagDataStandardExample() {
        Sgtin s = Sgtin96Decoder.decode("3074257BF7194E4000001A85");

        assertThat(s.filter()).isEqualTo(3);
        assertThat(s.companyPrefix()).isEqualTo("0614141");
        assertThat(s.indicatorItemReference()).isEqualTo("812345");
        assertThat(s.serial()).isEqualTo(6789L);
        assertThat(s.gtin14()).isEqualTo("80614141123458");
        assertThat(s.uri()).isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(Gs1.isValidGtin(s.gtin14())).isTrue();
    }

    @Test
    void lowerCaseHexIsAccepted() {
        assertThat(Sgtin96Decoder.decode("3074257bf7194e4000001a85").uri())
                .isEqualTo("urn:epc:id:sgtin:0614141.812345.6789");
    }

    /** Partition 0 (12-digit prefix, 1-digit item ref) and 6 (6-digit prefix), encoded by hand from the table. */
    @Test
    void decodesTheExtremePartitions() {
        // header 0x30, filter 1, partition 0, company prefix 061414100003 (40 bits), item ref 1 (4 bits), serial 42
        String p0 = hex96(0x30, 1, 0, 61414100003L, 40, 1, 4, 42);
        Sgtin s0 = Sgtin96Decoder.decode(p0);
        assertThat(s0.uri()).isEqualTo("urn:epc:id:sgtin:061414100003.1.42");
        assertThat(s0.gtin14()).isEqualTo("10614141000033");

        // partition 6: company prefix 061414 (20 bits), indicator+item ref 0123456 (24 bits), max 38-bit serial
        String p6 = hex96(0x30, 0, 6, 61414L, 20, 123456L, 24, (1L << 38) - 1);
        Sgtin s6 = Sgtin96Decoder.decode(p6);
        assertThat(s6.uri()).isEqualTo("urn:epc:id:sgtin:061414.0123456." + ((1L << 38) - 1));
        assertThat(s6.gtin14()).startsWith("0061414123456").satisfies(g -> assertThat(Gs1.isValidGtin(g)).isTrue());
    }

    @Test
    void otherEncodingsAreReportedAsUnsupported() {
        // SSCC-96 header 0x31
        assertThatThrownBy(() -> Sgtin96Decoder.decode("3174257BF4499602D2000000"))
                .isInstanceOf(EpcDecodeException.class)
                .hasMessageContaining("sscc-96")
                .satisfies(e -> assertThat(((EpcDecodeException) e).malformed()).isFalse());
        assertThat(Sgtin96Decoder.scheme(Sgtin96Decoder.header("E2801160"))).isEqualTo("tid");
    }

    @Test
    void partitionSevenAndOverflowingFieldsAreInvalid() {
        assertThatThrownBy(() -> Sgtin96Decoder.decode(hex96(0x30, 0, 7, 0, 20, 0, 24, 0)))
                .hasMessageContaining("partition");
        // partition 5: 7-digit company prefix, but 24 bits of ones = 16777215 (8 digits)
        assertThatThrownBy(() -> Sgtin96Decoder.decode(hex96(0x30, 0, 5, (1L << 24) - 1, 24, 1, 20, 0)))
                .hasMessageContaining("exceeds");
    }

    @Test
    void malformedHexIsMalformed() {
        for (String bad : new String[]{"3074257BF7194E4000001A8", "3074257BF7194E4000001A8Z", "", "30"}) {
            assertThatThrownBy(() -> Sgtin96Decoder.decode(bad))
                    .isInstanceOf(EpcDecodeException.class)
                    .satisfies(e -> assertThat(((EpcDecodeException) e).malformed()).isTrue());
        }
    }

    static String hex96(int header, int filter, int partition, long cp, int cpBits, long ir, int irBits, long serial) {
        var v = java.math.BigInteger.valueOf(header)
                .shiftLeft(3).or(java.math.BigInteger.valueOf(filter))
                .shiftLeft(3).or(java.math.BigInteger.valueOf(partition))
                .shiftLeft(cpBits).or(java.math.BigInteger.valueOf(cp))
                .shiftLeft(irBits).or(java.math.BigInteger.valueOf(ir))
                .shiftLeft(38).or(java.math.BigInteger.valueOf(serial));
        String h = v.toString(16).toUpperCase();
        return "0".repeat(24 - h.length()) + h;
    }
}
