package io.salespulse.devices.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderPayloadParserTest {
    private final ReaderPayloadParser parser = new ReaderPayloadParser(new ObjectMapper());
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void parsesZebraIotConnectorSimpleEvents() {
        var parsed = parser.parse(sample("zebra-fx-iotc-simple.json"), now);
        assertThat(parsed.reads()).hasSize(3);
        var first = parsed.reads().get(0);
        assertThat(first.epcHex()).isEqualToIgnoringCase("3074257BF7194E4000001A85");
        assertThat(first.antenna()).isEqualTo(1);
        assertThat(first.rssi()).isEqualTo(-52.0);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-15T10:15:30.484Z"));
    }

    @Test
    void parsesImpinjNewlineDelimitedTagInventoryEventsAndSkipsOtherEvents() {
        var parsed = parser.parse(sample("impinj-r700-tag-inventory.ndjson"), now);
        assertThat(parsed.reads()).hasSize(2);
        assertThat(parsed.skipped()).isEqualTo(1);
        var first = parsed.reads().get(0);
        assertThat(first.epcHex()).isEqualTo("3074257BF7194E4000001A85");
        assertThat(first.antenna()).isEqualTo(2);
        assertThat(first.rssi()).isEqualTo(-61.5);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-15T10:15:31.120Z"));
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> parser.parse("not json", now)).isInstanceOf(IllegalArgumentException.class);
    }

    static String sample(String name) {
        try (InputStream in = ReaderPayloadParserTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
