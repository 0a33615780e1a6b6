package io.salespulse.recommendations.domain;

import java.time.Instant;
import java.util.List;

/** A short management review of a period; {@code source} as for recommendations. */
public record Summary(Instant generatedAt, String source, String period, String summary, List<String> highlights) {
}
