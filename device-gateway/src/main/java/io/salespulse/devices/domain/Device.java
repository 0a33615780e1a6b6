package io.salespulse.devices.domain;

import java.time.Instant;
import java.util.List;

/** A registered device, bound to one location and one Keycloak client. */
public record Device(String deviceId, DeviceKind kind, String locationId, List<Antenna> antennas, String clientId,
                     boolean active, Instant createdAt) {

    /** The zone an antenna covers, or null when the antenna is not mapped. */
    public String zoneOf(int antenna) {
        for (Antenna a : antennas) {
            if (a.antenna() == antenna) {
                return a.zone();
            }
        }
        return null;
    }
}
