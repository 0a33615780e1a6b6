package io.salespulse.recommendations.domain;

/** A location with the coordinates the weather lookup needs (either may be null). */
public record LocationInfo(String locationId, String name, String kind, Double latitude, Double longitude,
                           String timeZone) {
}
