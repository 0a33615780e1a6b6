package io.salespulse.devices.messaging;

/** The broker did not ack in time: the device should retry later (503 with Retry-After); nothing was accepted. */
public class KafkaSlowException extends RuntimeException {
    public KafkaSlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
