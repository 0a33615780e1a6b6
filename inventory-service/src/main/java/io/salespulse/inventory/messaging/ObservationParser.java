package io.salespulse.inventory.messaging;

import static io.salespulse.inventory.messaging.JsonFields.MAX_ID;
import static io.salespulse.inventory.messaging.JsonFields.id;
import static io.salespulse.inventory.messaging.JsonFields.optionalText;
import static io.salespulse.inventory.messaging.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a devices.observations.v1 value, strictly on the fields a reconciliation depends on (ids, kind, times,
 * counts) and leniently elsewhere. A value that is not a usable observation yields the reason for the dead letter.
 */
public final class ObservationParser {
    private static final int MAX_COUNTS = 100_000;
    /** The contract's GTIN pattern; check digits are the catalog's business (an unknown GTIN is reported, not lost). */
    private static final Pattern GTIN = Pattern.compile("^([0-9]{8}|[0-9]{12,14})$");

    private final ObjectMapper json;

    /** The observation, or why there is none. */
    public sealed interface Result permits Parsed, Invalid {
    }

    public record Parsed(Observation observation) implements Result {
    }

    public record Invalid(String reason) implements Result {
    }

    public ObservationParser(ObjectMapper json) {
        this.json = json;
    }

    public Result parse(byte[] value) {
        JsonNode root;
        try {
            root = JsonFields.readObject(json, value);
        } catch (JsonFields.Unreadable e) {
            return new Invalid(e.getMessage());
        }
        try {
            UUID observationId = UUID.fromString(text(root, "observationId"));
            String deviceId = id(root, "deviceId");
            String locationId = id(root, "locationId");
            Observation.Kind kind = Observation.Kind.valueOf(text(root, "kind"));
            String zone = optionalText(root, "zone", MAX_ID);
            Instant startedAt = OffsetDateTime.parse(text(root, "startedAt")).toInstant();
            Instant endedAt = OffsetDateTime.parse(text(root, "endedAt")).toInstant();
            if (endedAt.isBefore(startedAt)) {
                throw new IllegalArgumentException("endedAt is before startedAt");
            }
            JsonNode counts = root.get("counts");
            if (counts == null || !counts.isArray() || counts.size() > MAX_COUNTS) {
                throw new IllegalArgumentException("counts must be an array of at most " + MAX_COUNTS + " counts");
            }
            List<Observation.Count> parsed = new ArrayList<>(counts.size());
            for (int i = 0; i < counts.size(); i++) {
                parsed.add(count(counts.get(i), i + 1));
            }
            return new Parsed(new Observation(observationId, deviceId, locationId, kind, zone, startedAt, endedAt,
                    List.copyOf(parsed)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new Invalid("Invalid observation: " + e.getMessage());
        }
    }

    private static Observation.Count count(JsonNode count, int number) {
        if (count == null || !count.isObject()) {
            throw new IllegalArgumentException("count " + number + " is not an object");
        }
        JsonNode gtin = count.get("gtin");
        if (gtin == null || !gtin.isTextual() || !GTIN.matcher(gtin.asText()).matches()) {
            throw new IllegalArgumentException("count " + number + ": gtin must be 8, 12, 13 or 14 digits");
        }
        JsonNode units = count.get("count");
        if (units == null || !units.isIntegralNumber() || !units.canConvertToInt() || units.asInt() < 0) {
            throw new IllegalArgumentException("count " + number + ": count must be a non-negative integer");
        }
        JsonNode productId = count.get("productId");
        String product = null;
        if (productId != null && !productId.isNull()) {
            if (!productId.isTextual() || productId.asText().isEmpty() || productId.asText().length() > MAX_ID) {
                throw new IllegalArgumentException("count " + number + ": productId must be a string of 1 to "
                        + MAX_ID + " characters");
            }
            product = productId.asText();
        }
        JsonNode seenAt = count.get("seenAt");
        Instant seen = null;
        if (seenAt != null && !seenAt.isNull()) {
            if (!seenAt.isTextual()) {
                throw new IllegalArgumentException("count " + number + ": seenAt must be a timestamp");
            }
            seen = OffsetDateTime.parse(seenAt.asText()).toInstant();
        }
        return new Observation.Count(gtin.asText(), product, units.asInt(), seen);
    }
}
