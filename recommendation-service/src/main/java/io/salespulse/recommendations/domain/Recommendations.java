package io.salespulse.recommendations.domain;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /recommendations}. The rules engine and the LLM produce the same shape: only
 * {@code source} tells them apart. {@code warnings} says which inputs were missing.
 */
public record Recommendations(Instant generatedAt, String source, List<Weather> weather, List<Promotion> promotions,
                              List<PriceSuggestion> pricing, List<String> warnings) {
}
