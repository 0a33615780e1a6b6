package io.salespulse.devices.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExitTallyTest {
    private static final Instant T = Instant.parse("2026-01-15T10:15:30.100Z");

    private static void add(ExitTally tally, String epc, long millis) {
        TagRead read = new TagRead(epc, 3, -50.0, T.plusMillis(millis));
        tally.add(Sgtin96Decoder.decode(epc), read);
    }

    @Test
    void countsUnitsPerGtinWithTheFirstReadTime() {
        var tally = new ExitTally();
        add(tally, "3074257BF7194E40000003EA", 200);
        add(tally, "3074257BF7194E40000003E9", 0);
        add(tally, "3034F4E4E43B9240000004D2", 100);

        assertThat(tally.units()).isEqualTo(3);
        assertThat(tally.firstReadAt()).isEqualTo(T);
        assertThat(tally.lastReadAt()).isEqualTo(T.plusMillis(200));
        // Espresso of the demo catalog (4012345610017), serial 1234, and two tags of the GS1 example GTIN
        assertThat(tally.lines()).extracting(ExitTally.Line::gtin14)
                .containsExactly("04012345610017", "80614141123458");
        var example = tally.lines().stream().filter(l -> l.gtin14().equals("80614141123458")).findFirst().orElseThrow();
        assertThat(example.units()).isEqualTo(2);
        assertThat(example.firstSeenAt()).isEqualTo(T);
    }

    @Test
    void theObservationIdDependsOnTheReadsNotOnTheirOrder() {
        var a = new ExitTally();
        add(a, "3074257BF7194E40000003E9", 0);
        add(a, "3074257BF7194E40000003EA", 200);
        var b = new ExitTally();
        add(b, "3074257BF7194E40000003EA", 200);
        add(b, "3074257BF7194E40000003E9", 0);
        var later = new ExitTally();
        add(later, "3074257BF7194E40000003E9", 0);
        add(later, "3074257BF7194E40000003EA", 201);

        assertThat(a.observationId("rfid-1")).isEqualTo(b.observationId("rfid-1"))
                .isNotEqualTo(later.observationId("rfid-1")).isNotEqualTo(a.observationId("rfid-2"));
    }
}
