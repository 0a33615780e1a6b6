package io.salespulse.devices.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tag-read batches in the two formats real readers emit:
 * <ul>
 * <li>Zebra FX-series IoT Connector: a JSON array of {@code {"timestamp","type":"SIMPLE","data":{"idHex","antenna",
 * "peakRssi",...}}} (timestamps like {@code 2019-10-21T19:52:59.484+0000}).</li>
 * <li>Impinj Reader (R700 IoT device interface) event stream: newline-delimited objects
 * {@code {"timestamp","eventType":"tagInventory","tagInventoryEvent":{"epcHex","antennaPort","peakRssiCdbm",...}}};
 * a JSON array of them is accepted too.</li>
 * </ul>
 * Elements that are not tag reads (other Impinj event types, Zebra heartbeats) are counted as skipped, not errors.
 */
public final class ReaderPayloadParser {
    /** Zebra writes the offset without a colon (+0000); ISO_OFFSET_DATE_TIME would reject it. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final ObjectMapper mapper;

    public ReaderPayloadParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The reads of a payload plus how many elements were skipped as not tag reads. */
    public record Parsed(List<TagRead> reads, int skipped) {
    }

    /** @throws IllegalArgumentException when the body is not JSON or a tag read lacks its EPC */
    public Parsed parse(String body, Instant receivedAt) {
        var reads = new ArrayList<TagRead>();
        int skipped = 0;
        try (JsonParser p = mapper.getFactory().createParser(body);
             MappingIterator<JsonNode> it = mapper.readValues(p, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node.isArray()) {
                    for (JsonNode element : node) {
                        skipped += add(element, reads, receivedAt) ? 0 : 1;
                    }
                } else {
                    skipped += add(node, reads, receivedAt) ? 0 : 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("reader payload is not Zebra IoT Connector or Impinj JSON: "
                    + e.getMessage(), e);
        }
        return new Parsed(reads, skipped);
    }

    private static boolean add(JsonNode node, List<TagRead> reads, Instant receivedAt) {
        JsonNode zebra = node.get("data");
        if (zebra != null && zebra.isObject() && zebra.has("idHex")) {
            Double rssi = zebra.hasNonNull("peakRssi") ? zebra.get("peakRssi").asDouble() : null;
            reads.add(new TagRead(zebra.get("idHex").asText(), zebra.path("antenna").asInt(0), rssi,
                    time(node.path("timestamp").asText(null), receivedAt)));
            return true;
        }
        JsonNode impinj = node.get("tagInventoryEvent");
        if (impinj != null && impinj.isObject()) {
            if (!impinj.hasNonNull("epcHex")) {
                throw new IllegalArgumentException("tagInventoryEvent without epcHex");
            }
            // Impinj reports RSSI in centi-dBm.
            Double rssi = impinj.hasNonNull("peakRssiCdbm") ? impinj.get("peakRssiCdbm").asDouble() / 100.0 : null;
            reads.add(new TagRead(impinj.get("epcHex").asText(), impinj.path("antennaPort").asInt(0), rssi,
                    time(node.path("timestamp").asText(null), receivedAt)));
            return true;
        }
        return false;
    }

    static Instant time(String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text, LENIENT).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad timestamp " + text);
        }
    }
}
