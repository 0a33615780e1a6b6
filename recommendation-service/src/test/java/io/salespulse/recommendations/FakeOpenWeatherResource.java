package io.salespulse.recommendations;

import java.util.Map;

/**
 * The fake services with OpenWeather chosen by configuration (short read timeout), and Gemini configured
 * without an API key: that must count as no LLM at all. Model and base URL are empty as docker-compose.yml passes
 * them when unset: they must mean "the provider's default", not break start-up.
 */
public class FakeOpenWeatherResource extends FakeServicesResource {

    static final String API_KEY = "ow-test";

    @Override
    protected Map<String, String> extraConfig(String url) {
        return Map.of(
                "salespulse.weather.provider", "openweather",
                "salespulse.weather.openweather.api-key", API_KEY,
                "quarkus.rest-client.openweather.read-timeout", "1000",
                "salespulse.llm.provider", "gemini",
                "salespulse.llm.model", "",
                "salespulse.llm.base-url", "",
                "salespulse.llm.api-key", "");
    }
}
