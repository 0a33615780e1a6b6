package io.salespulse.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The third-party sample payloads of src/test/resources/samples (see the README there for their sources). */
public final class Samples {
    /** Like Quarkus' ObjectMapper with the platform's StrictJsonNumbers: exact decimals. */
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Personal data planted in the samples; none of it may survive redaction. */
    public static final String[] PERSONAL = {"giulia", "rossi", "marco", "bianchi", "@example.com", "+39",
            "via torino", "20123", "203.0.113.17", "concierge", "lukas", "becker", "hauptstrasse", "70173",
            "+49", "198.51.100.23", "ring twice", "de123456789", "anna", "schmidt", "lindenweg", "+43", "mozilla",
            "wc_order_58d2d042d1d", "4f1c2a3b4d5e6f708192a3b4c5d6e7f8"};

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable copy of a JSON sample: a test changes what it is about. */
    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
