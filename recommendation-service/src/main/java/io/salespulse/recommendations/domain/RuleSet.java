package io.salespulse.recommendations.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the engine as data ({@code src/main/resources/rules/recommendation-rules.json}): merchandisers
 * change thresholds and product selections there, not in code. Plain records so tests load the same file.
 */
public record RuleSet(String version, BigDecimal maxChangePct, List<WeatherRule> weatherRules, ExpiryRule expiry,
                      SlowMoverRule slowMover, FastMoverRule fastMover) {

    public static final String RESOURCE = "rules/recommendation-rules.json";

    public RuleSet {
        weatherRules = weatherRules == null ? List.of() : List.copyOf(weatherRules);
    }

    /** A condition on the weather and the month; absent fields do not constrain. */
    public record When(BigDecimal minTempC, BigDecimal maxTempC, List<Weather.Condition> conditions,
                       List<Integer> months) {

        boolean matches(Weather weather, int month) {
            var t = weather.temperatureC();
            return (minTempC == null || (t != null && t.compareTo(minTempC) >= 0))
                    && (maxTempC == null || (t != null && t.compareTo(maxTempC) <= 0))
                    && (conditions == null || conditions.isEmpty() || conditions.contains(weather.condition()))
                    && (months == null || months.isEmpty() || months.contains(month));
        }
    }

    /** Which products a rule concerns: by a catalog attribute value and/or by category. */
    public record Selector(String attribute, List<String> values, List<String> categories) {

        boolean matches(ProductInfo product) {
            boolean byAttribute = attribute != null && values != null && values.contains(product.attribute(attribute));
            boolean byCategory = categories != null && categories.contains(product.categoryId());
            return byAttribute || byCategory;
        }
    }

    public record WeatherRule(String id, When when, Selector products, Promotion.Action action, String reason,
                              String expectedImpact, BigDecimal confidence) {
    }

    public record ExpiryRule(int withinDays, BigDecimal discountPct, String reason, String expectedImpact,
                             BigDecimal confidence) {
    }

    public record SlowMoverRule(BigDecimal maxVelocityPerHour, BigDecimal minCoverHours, long minAvailable,
                                BigDecimal discountPct, String reason, String expectedImpact, BigDecimal confidence) {
    }

    public record FastMoverRule(BigDecimal minVelocityPerHour, BigDecimal maxCoverHours, BigDecimal increasePct,
                                String reason, String expectedImpact, BigDecimal confidence) {
    }

    public static RuleSet load(InputStream json) {
        try (json) {
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recommendation rules", e);
        }
    }

    public static RuleSet fromClasspath() {
        var in = RuleSet.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " missing from the classpath");
        }
        return load(in);
    }
}
