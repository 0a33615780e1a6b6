package io.salespulse.devices.domain;

import java.time.Instant;

/** One tag read as a reader reported it, vendor format stripped. {@code rssi} in dBm, may be null. */
public record TagRead(String epcHex, int antenna, Double rssi, Instant timestamp) {
}
