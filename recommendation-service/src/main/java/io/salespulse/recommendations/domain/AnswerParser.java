package io.salespulse.recommendations.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;

/** Reads the model's JSON text ({@code {promotions: [...], pricing: [...]}}); unknown fields are ignored. */
public final class AnswerParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);

    public record Parsed(List<Promotion> promotions, List<PriceSuggestion> pricing) {
    }

    private AnswerParser() {
    }

    /** Throws {@link IllegalArgumentException} when the text is not the expected JSON at all. */
    public static Parsed parse(String text) {
        try {
            var stripped = text == null ? "" : text.strip();
            // some OpenAI-compatible local servers wrap JSON in a markdown fence despite the schema
            if (stripped.startsWith("```")) {
                stripped = stripped.replaceAll("^```[a-zA-Z]*\\s*", "").replaceAll("```\\s*$", "");
            }
            var parsed = JSON.readValue(stripped, Parsed.class);
            if (parsed == null || (parsed.promotions() == null && parsed.pricing() == null)) {
                throw new IllegalArgumentException("answer has neither promotions nor pricing");
            }
            return new Parsed(parsed.promotions() == null ? List.of() : parsed.promotions(),
                    parsed.pricing() == null ? List.of() : parsed.pricing());
        } catch (IOException e) {
            throw new IllegalArgumentException("answer is not the expected JSON: " + e.getMessage(), e);
        }
    }
}
