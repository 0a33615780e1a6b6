package io.salespulse.devices.data;

/** A database failure; the global mapper answers 500 without details. */
public class DataException extends RuntimeException {
    public DataException(String what, Exception cause) {
        super(what + " failed", cause);
    }
}
