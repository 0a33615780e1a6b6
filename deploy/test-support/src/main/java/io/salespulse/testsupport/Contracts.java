package io.salespulse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Contract tests: validates an event payload against its JSON Schema in deploy/contracts.
 * {@code Contracts.assertValid("sales.events.v1/sale-event", json)}.
 */
public final class Contracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final ConcurrentHashMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /** The violations of {@code json} against {@code deploy/contracts/<name>.schema.json}; empty when valid. */
    public static Set<String> violations(String name, String json) {
        try {
            JsonNode payload = JSON.readTree(json);
            Set<ValidationMessage> messages = schema(name).validate(payload);
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    public static void assertValid(String name, String json) {
        Set<String> violations = violations(name, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("Payload breaks contract " + name + ": " + violations + "\n" + json);
        }
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, key -> {
            Path file = RepoPaths.resolve("deploy/contracts/" + key + ".schema.json");
            try (InputStream in = Files.newInputStream(file)) {
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read contract " + file, e);
            }
        });
    }
}
