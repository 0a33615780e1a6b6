package io.salespulse.devices.domain;

/** An EPC that cannot be decoded; {@code malformed} means the input is not 96-bit hex at all (400, not 422). */
public class EpcDecodeException extends RuntimeException {
    private final boolean malformed;

    public EpcDecodeException(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    public boolean malformed() {
        return malformed;
    }
}
