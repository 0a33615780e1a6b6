package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReaderBatchFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final DemoCatalog catalog = DemoCatalog.load();

    private ReaderBatchFactory factory(double repeatShare, ReaderBatchFactory.Format format) {
        return new ReaderBatchFactory(catalog, 100_000, 5_000_000, repeatShare, new int[] {1, 2}, format,
                new SplittableRandom(11));
    }

    @Test
    void zebraBatchesAreIotConnectorEventsWithSgtin96TagsOfDemoProducts() throws Exception {
        var batch = factory(0.2, ReaderBatchFactory.Format.ZEBRA).next(1000, NOW, 500);

        JsonNode events = JSON.readTree(batch.body());
        assertThat(events.isArray()).isTrue();
        assertThat(events).hasSize(1000);
        assertThat(batch.reads()).isEqualTo(1000);
        Set<String> gtins = catalog.products().stream().map(p -> Sgtin96.gtin14(p.gtin()).substring(0, 13))
                .collect(Collectors.toSet());
        Instant previous = Instant.MIN;
        for (JsonNode event : events) {
            assertThat(event.get("type").asText()).isEqualTo("SIMPLE");
            JsonNode data = event.get("data");
            assertThat(data.get("format").asText()).isEqualTo("epc");
            assertThat(data.get("antenna").asInt()).isIn(1, 2);
            assertThat(data.get("peakRssi").asInt()).isBetween(-75, -40);
            assertThat(gtins).contains(gtinWithoutCheckDigit(data.get("idHex").asText()));
            Instant at = OffsetDateTime.parse(event.get("timestamp").asText(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
            assertThat(at).isBetween(NOW.minusMillis(500), NOW).isAfterOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void manySerialsAndSomeReReadsInsideTheDedupWindow() throws Exception {
        var factory = factory(0.2, ReaderBatchFactory.Format.ZEBRA);
        List<String> epcs = new ArrayList<>();
        int repeats = 0;
        for (int i = 0; i < 10; i++) {
            var batch = factory.next(1000, NOW.plusMillis(500L * i), 500);
            repeats += batch.repeats();
            JSON.readTree(batch.body()).forEach(e -> epcs.add(e.get("data").get("idHex").asText()));
        }
        Set<String> distinct = new HashSet<>(epcs);
        // about a fifth are re-reads of recent tags; the rest are drawn from 100,000 tags (few collide by chance)
        assertThat(repeats).isBetween(1700, 2300);
        assertThat(epcs.size() - distinct.size()).isBetween(repeats, repeats + 600);
        assertThat(distinct.size()).isGreaterThan(7000);
        // every product of the catalog is among the tags
        assertThat(distinct.stream().map(ReaderBatchFactoryTest::gtinWithoutCheckDigit).distinct().count())
                .isEqualTo(catalog.products().size());
    }

    @Test
    void withoutReReadsNoTagRepeatsBeyondChance() throws Exception {
        var batch = factory(0, ReaderBatchFactory.Format.ZEBRA).next(2000, NOW, 1000);
        Set<String> distinct = new HashSet<>();
        JSON.readTree(batch.body()).forEach(e -> distinct.add(e.get("data").get("idHex").asText()));
        assertThat(batch.repeats()).isZero();
        assertThat(distinct.size()).isGreaterThan(1950);
    }

    @Test
    void impinjBatchesAreTagInventoryLines() throws Exception {
        var batch = factory(0.1, ReaderBatchFactory.Format.IMPINJ).next(50, NOW, 100);
        String[] lines = batch.body().split("\n");
        assertThat(lines).hasSize(50);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.get("eventType").asText()).isEqualTo("tagInventory");
            JsonNode tag = event.get("tagInventoryEvent");
            assertThat(tag.get("epcHex").asText()).matches("30[0-9A-F]{22}");
            assertThat(tag.get("antennaPort").asInt()).isIn(1, 2);
            assertThat(Instant.parse(event.get("timestamp").asText())).isBetween(NOW.minusMillis(100), NOW);
        }
        assertThat(ReaderBatchFactory.Format.IMPINJ.contentType).isEqualTo("application/x-ndjson");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new ReaderBatchFactory(catalog, 0, 0, 0.1, new int[] {1},
                ReaderBatchFactory.Format.ZEBRA, new SplittableRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderBatchFactory(catalog, 10, 0, 1.5, new int[] {1},
                ReaderBatchFactory.Format.ZEBRA, new SplittableRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderBatchFactory(catalog, 10, Sgtin96.MAX_SERIAL, 0.1, new int[] {1},
                ReaderBatchFactory.Format.ZEBRA, new SplittableRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Indicator + company prefix (7 digits, partition 5) + item reference of an SGTIN-96: the GTIN-14 minus check. */
    private static String gtinWithoutCheckDigit(String hex) {
        BigInteger epc = new BigInteger(hex, 16);
        assertThat(epc.shiftRight(88).intValue()).isEqualTo(0x30);
        assertThat(epc.shiftRight(82).intValue() & 7).isEqualTo(5);
        long companyPrefix = epc.shiftRight(58).longValue() & ((1L << 24) - 1);
        String itemReference = String.format("%06d", epc.shiftRight(38).longValue() & ((1L << 20) - 1));
        return itemReference.charAt(0) + String.format("%07d", companyPrefix) + itemReference.substring(1);
    }
}
