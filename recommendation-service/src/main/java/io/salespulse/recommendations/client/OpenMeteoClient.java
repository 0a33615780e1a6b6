package io.salespulse.recommendations.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;

/** Open-Meteo forecast API, current conditions (https://open-meteo.com/en/docs); no key. */
@RegisterRestClient(configKey = "open-meteo")
public interface OpenMeteoClient {

    String CURRENT = "temperature_2m,precipitation,weather_code";

    @GET
    @Path("/v1/forecast")
    Forecast current(@QueryParam("latitude") double latitude, @QueryParam("longitude") double longitude,
                     @QueryParam("current") String current);

    record Forecast(Current current) {
    }

    record Current(String time, @JsonProperty("temperature_2m") BigDecimal temperature2m, BigDecimal precipitation,
                   @JsonProperty("weather_code") Integer weatherCode) {
    }
}
