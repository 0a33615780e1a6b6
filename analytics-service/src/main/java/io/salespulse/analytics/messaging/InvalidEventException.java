package io.salespulse.analytics.messaging;

/** A record that breaks its contract; the message is the dead-letter reason. */
public class InvalidEventException extends Exception {
    public InvalidEventException(String reason) {
        super(reason);
    }
}
