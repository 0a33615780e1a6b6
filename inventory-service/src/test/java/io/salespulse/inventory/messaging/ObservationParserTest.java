package io.salespulse.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salespulse.inventory.support.Observations;
import io.salespulse.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the devices.observations.v1 contract: every contract-valid observation is understood, and
 * what is not one says why (the reason that goes to the dead-letter topic).
 */
class ObservationParserTest {
    private final ObservationParser parser = new ObservationParser(new ObjectMapper());

    @Test
    void readsAContractValidCycleCount() {
        Observations count = Observations.aCycleCount("ST-001").count("4012345610093", "P-1001", 17)
                .count("04012345610093", "P-1001", 1).count("12345670", null, 0).zone(null);
        Contracts.assertValid("devices.observations.v1/observation", count.json());

        var result = parser.parse(bytes(count.json()));

        assertThat(result).isInstanceOf(ObservationParser.Parsed.class);
        Observation observation = ((ObservationParser.Parsed) result).observation();
        assertThat(observation.observationId().toString()).isEqualTo(count.observationId());
        assertThat(observation.kind()).isEqualTo(Observation.Kind.CYCLE_COUNT);
        assertThat(observation.locationId()).isEqualTo("ST-001");
        assertThat(observation.deviceId()).isEqualTo("RFID-ST-001");
        assertThat(observation.zone()).isNull();
        assertThat(observation.endedAt()).isAfter(observation.startedAt());
        assertThat(observation.counts()).containsExactly(new Observation.Count("4012345610093", "P-1001", 17, null),
                new Observation.Count("04012345610093", "P-1001", 1, null),
                new Observation.Count("12345670", null, 0, null));
    }

    @Test
    void readsAContractValidExitReadWithTheTimeEachGtinWasSeen() {
        Observations exit = Observations.anExitRead("ST-002").zone("EXIT")
                .exit("80614141123458", "P-1001", 2, "2026-01-15T10:15:30.100Z")
                .count("4012345610093", null, 1);
        Contracts.assertValid("devices.observations.v1/observation", exit.json());

        Observation observation = ((ObservationParser.Parsed) parser.parse(bytes(exit.json()))).observation();

        assertThat(observation.kind()).isEqualTo(Observation.Kind.EXIT_READ);
        assertThat(observation.counts()).containsExactly(
                new Observation.Count("80614141123458", "P-1001", 2, Instant.parse("2026-01-15T10:15:30.100Z")),
                new Observation.Count("4012345610093", null, 1, null));
        String badTime = exit.json().replace("2026-01-15T10:15:30.100Z", "yesterday");
        assertThat(reason(badTime)).startsWith("Invalid observation: Text 'yesterday' could not be parsed");
    }

    @Test
    void readsAContractValidExitReadWithoutCounts() {
        Observations exit = Observations.anExitRead("ST-002");
        Contracts.assertValid("devices.observations.v1/observation", exit.json());

        var result = parser.parse(bytes(exit.json()));

        assertThat(((ObservationParser.Parsed) result).observation().kind()).isEqualTo(Observation.Kind.EXIT_READ);
        assertThat(((ObservationParser.Parsed) result).observation().counts()).isEmpty();
    }

    @Test
    void explainsWhatIsNotAnObservation() {
        assertThat(reason("")).isEqualTo("Empty record value");
        assertThat(reason("{not json")).startsWith("Not JSON");
        assertThat(reason("\"text\"")).isEqualTo("Not a JSON object");
        String noKind = Observations.aCycleCount("ST-001").json().replace("\"CYCLE_COUNT\"", "\"INVENTORY\"");
        assertThat(reason(noKind)).startsWith("Invalid observation: No enum constant");
        String badGtin = Observations.aCycleCount("ST-001").count("12AB", null, 1).json();
        assertThat(reason(badGtin)).isEqualTo("Invalid observation: count 1: gtin must be 8, 12, 13 or 14 digits");
        String negative = Observations.aCycleCount("ST-001").count("4012345610093", null, -1).json();
        assertThat(reason(negative)).isEqualTo("Invalid observation: count 1: count must be a non-negative integer");
        String noCounts = Observations.aCycleCount("ST-001").json().replace("\"counts\":[]", "\"counts\":null");
        assertThat(reason(noCounts)).startsWith("Invalid observation: counts must be an array");
        String noId = Observations.aCycleCount("ST-001").json().replaceFirst("\"observationId\":\"[^\"]+\",", "");
        assertThat(reason(noId)).isEqualTo("Invalid observation: observationId is missing");
    }

    private String reason(String value) {
        var result = parser.parse(bytes(value));
        assertThat(result).isInstanceOf(ObservationParser.Invalid.class);
        return ((ObservationParser.Invalid) result).reason();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
