package io.salespulse.recommendations;

import io.quarkus.cache.CacheResult;
import io.quarkus.logging.Log;
import io.salespulse.recommendations.client.OpenMeteoClient;
import io.salespulse.recommendations.client.OpenWeatherClient;
import io.salespulse.recommendations.config.WeatherConfig;
import io.salespulse.recommendations.domain.Climatology;
import io.salespulse.recommendations.domain.LocationInfo;
import io.salespulse.recommendations.domain.Weather;
import io.salespulse.recommendations.domain.WeatherCodes;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The weather at a location from the configured provider, cached per location (cache {@code weather},
 * 10 minutes), and the climate normals whenever the provider is off, has no coordinates or fails.
 */
@ApplicationScoped
public class WeatherService {

    private final WeatherConfig config;
    private final OpenMeteoClient openMeteo;
    private final OpenWeatherClient openWeather;
    private final Climatology climatology;

    WeatherService(WeatherConfig config, @RestClient OpenMeteoClient openMeteo, @RestClient OpenWeatherClient openWeather,
                   Climatology climatology) {
        this.config = config;
        this.openMeteo = openMeteo;
        this.openWeather = openWeather;
        this.climatology = climatology;
    }

    /** Caching the fallback too is deliberate: a provider that is down is not asked again for 10 minutes. */
    @CacheResult(cacheName = "weather")
    public Optional<Weather> at(LocationInfo location) {
        var now = Instant.now();
        if (location.latitude() != null && location.longitude() != null) {
            try {
                var live = switch (config.provider()) {
                    case "open-meteo" -> Optional.of(fromOpenMeteo(location, now));
                    case "openweather" -> config.openweather().apiKey().filter(k -> !k.isBlank())
                            .map(key -> fromOpenWeather(location, key, now));
                    default -> Optional.<Weather>empty();
                };
                if (live.isPresent()) {
                    return live;
                }
            } catch (RuntimeException e) {
                Log.warnf("weather provider %s failed for %s, using climate normals: %s", config.provider(),
                        location.locationId(), e.toString());
            }
        }
        return climatology.normalAt(location, now);
    }

    private Weather fromOpenMeteo(LocationInfo location, Instant now) {
        var c = openMeteo.current(location.latitude(), location.longitude(), OpenMeteoClient.CURRENT).current();
        if (c == null || c.temperature2m() == null) {
            throw new IllegalStateException("Open-Meteo answered without current temperature");
        }
        var condition = WeatherCodes.fromWmo(c.weatherCode() == null ? 0 : c.weatherCode());
        return new Weather(location.locationId(), "open-meteo", c.temperature2m(),
                c.precipitation() == null ? BigDecimal.ZERO : c.precipitation(), condition, now);
    }

    // package-private: the IT checks the mapping of a real OpenWeather payload without a second app config
    Weather fromOpenWeather(LocationInfo location, String key, Instant now) {
        var c = openWeather.current(location.latitude(), location.longitude(), key, "metric");
        if (c == null || c.main() == null || c.main().temp() == null) {
            throw new IllegalStateException("OpenWeather answered without a temperature");
        }
        int id = c.weather() == null || c.weather().isEmpty() || c.weather().get(0).id() == null ? 800 : c.weather().get(0).id();
        var precip = c.rain() != null && c.rain().oneHour() != null ? c.rain().oneHour()
                : c.snow() != null && c.snow().oneHour() != null ? c.snow().oneHour() : BigDecimal.ZERO;
        return new Weather(location.locationId(), "openweather", c.main().temp(), precip,
                WeatherCodes.fromOpenWeather(id), now);
    }
}
