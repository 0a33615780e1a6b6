package io.salespulse.recommendations.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.util.List;

/** OpenWeather current weather data API 2.5 (https://openweathermap.org/current); needs an API key. */
@RegisterRestClient(configKey = "openweather")
public interface OpenWeatherClient {

    @GET
    @Path("/data/2.5/weather")
    Current current(@QueryParam("lat") double lat, @QueryParam("lon") double lon, @QueryParam("appid") String appid,
                    @QueryParam("units") String units);

    record Current(List<Condition> weather, Main main, Rain rain, Snow snow, Long dt) {
    }

    record Condition(Integer id, String main, String description) {
    }

    record Main(BigDecimal temp) {
    }

    /** Precipitation of the last hour in mm ({@code "1h"}); absent when dry. */
    record Rain(@com.fasterxml.jackson.annotation.JsonProperty("1h") BigDecimal oneHour) {
    }

    record Snow(@com.fasterxml.jackson.annotation.JsonProperty("1h") BigDecimal oneHour) {
    }
}
