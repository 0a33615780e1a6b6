package io.salespulse.recommendations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code salespulse.weather.*}: which provider answers; {@code climatology} needs no network at all. */
@ConfigMapping(prefix = "salespulse.weather")
public interface WeatherConfig {

    /** {@code climatology} (default: the local stack has no internet), {@code open-meteo} or {@code openweather}. */
    @WithDefault("climatology")
    String provider();

    /** OpenWeather API key (env SALESPULSE_WEATHER_OPENWEATHER_API_KEY); without it OpenWeather is not called. */
    Optional<String> openweatherApiKey();
}
