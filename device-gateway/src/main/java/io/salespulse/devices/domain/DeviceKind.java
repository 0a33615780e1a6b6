package io.salespulse.devices.domain;

public enum DeviceKind {
    SCANNER, RFID_READER, POS_GATEWAY
}
