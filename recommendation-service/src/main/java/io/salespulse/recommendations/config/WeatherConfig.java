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

    Openweather openweather();

    OpenMeteo openMeteo();

    /** {@code salespulse.weather.openweather.*}. */
    interface Openweather {
        /** Base URL of the OpenWeather API (the REST client {@code openweather} uses it). */
        @WithDefault("https://api.openweathermap.org")
        String baseUrl();

        /** API key (env SALESPULSE_WEATHER_OPENWEATHER_API_KEY); without it OpenWeather is not called. */
        Optional<String> apiKey();
    }

    /** {@code salespulse.weather.open-meteo.*}. */
    interface OpenMeteo {
        /** Base URL of the Open-Meteo API (no key needed; the REST client {@code open-meteo} uses it). */
        @WithDefault("https://api.open-meteo.com")
        String baseUrl();
    }
}
