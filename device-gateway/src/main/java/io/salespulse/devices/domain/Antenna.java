package io.salespulse.devices.domain;

/** An antenna port (or scanner lane) and the zone of the location it covers: POS, EXIT, SHELF, BACKROOM... */
public record Antenna(int antenna, String zone) {
    public static final String EXIT = "EXIT";
}
