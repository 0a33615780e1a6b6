package io.salespulse.recommendations.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly climate normals shipped with the service ({@code climatology/normals.json}): the weather used when no
 * provider answers. A location is matched by id first, then to the nearest city within 150 km.
 */
public final class Climatology {

    public static final String SOURCE = "climatology";
    private static final double MAX_DISTANCE_KM = 150;
    /** A month with this much rain counts as wet; the normals know no daily condition beyond that. */
    private static final int WET_MONTH_MM = 70;

    public record City(double latitude, double longitude, List<BigDecimal> tempC, List<Integer> precipMm) {
    }

    public record Normals(Map<String, City> cities, Map<String, String> locations) {
    }

    private final Normals normals;

    public Climatology(Normals normals) {
        this.normals = normals;
    }

    public static Climatology fromClasspath() {
        try (InputStream in = Climatology.class.getClassLoader().getResourceAsStream("climatology/normals.json")) {
            if (in == null) {
                throw new IllegalStateException("climatology/normals.json missing from the classpath");
            }
            return new Climatology(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, Normals.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the climate normals", e);
        }
    }

    public Optional<String> cityOf(LocationInfo location) {
        var byId = normals.locations().get(location.locationId());
        if (byId != null) {
            return Optional.of(byId);
        }
        if (location.latitude() == null || location.longitude() == null) {
            return Optional.empty();
        }
        String best = null;
        double bestKm = MAX_DISTANCE_KM;
        for (var e : normals.cities().entrySet()) {
            double km = distanceKm(location.latitude(), location.longitude(), e.getValue().latitude(), e.getValue().longitude());
            if (km <= bestKm) {
                best = e.getKey();
                bestKm = km;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The normal weather of this month at the location, or empty when no city is near it. */
    public Optional<Weather> normalAt(LocationInfo location, Instant now) {
        return cityOf(location).map(name -> {
            var city = normals.cities().get(name);
            int month = now.atZone(ZoneOffset.UTC).getMonthValue() - 1;
            int precip = city.precipMm().get(month);
            var condition = precip >= WET_MONTH_MM ? Weather.Condition.RAIN : Weather.Condition.CLOUDY;
            // monthly total spread over the days: the mean daily amount
            var dailyMm = BigDecimal.valueOf(precip).divide(BigDecimal.valueOf(30), 1, RoundingMode.HALF_UP);
            return new Weather(location.locationId(), SOURCE, city.tempC().get(month), dailyMm, condition, now);
        });
    }

    private static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
