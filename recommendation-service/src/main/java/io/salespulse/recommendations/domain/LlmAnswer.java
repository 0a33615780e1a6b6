package io.salespulse.recommendations.domain;

/** A model's raw answer (JSON text) with the usage it reported; token counts may be null. */
public record LlmAnswer(String provider, String model, String text, Integer promptTokens, Integer completionTokens) {
}
