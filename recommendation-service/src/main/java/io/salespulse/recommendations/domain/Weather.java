package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The weather at one location as the rules see it. {@code source} is the provider ({@code open-meteo},
 * {@code openweather}) or {@code climatology} when only the monthly normals were available.
 */
public record Weather(String locationId, String source, BigDecimal temperatureC, BigDecimal precipitationMm,
                      Condition condition, Instant observedAt) {

    public enum Condition { CLEAR, CLOUDY, RAIN, SNOW, STORM, FOG }

    /** Coarse bucket (5 °C steps and wet/dry) so that cached LLM answers survive small changes. */
    public String bucket() {
        int t = temperatureC == null ? 0 : Math.floorDiv(temperatureC.intValue(), 5) * 5;
        boolean wet = condition == Condition.RAIN || condition == Condition.SNOW || condition == Condition.STORM;
        return t + (wet ? "-wet" : "-dry");
    }
}
